using VocEdWeek.Bot.Scheduling;

namespace VocEdWeek.Bot.Storage.LiteDb.Scheduling;

/// <summary>One process owns the LiteDB file (its lock keeps a second bot off the folder), so it always leads.</summary>
public sealed class LiteDbSchedulerLeadership : ISchedulerLeadership
{
    public bool IsLeader => true;

    public bool TryLead() => true;
}
