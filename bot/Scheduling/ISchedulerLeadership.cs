namespace VocEdWeek.Bot.Scheduling;

/// <summary>
/// Which instance runs the scheduler: with several instances on one database exactly one leads, so the week's reminders
/// and digests are worked out once; the others take over when it dies. The slot records stay the once-guarantee should two
/// ever lead at the same moment.
/// </summary>
public interface ISchedulerLeadership
{
    /// <summary>Whether this instance led at its last <see cref="TryLead"/>.</summary>
    bool IsLeader { get; }

    /// <summary>Becomes the leader when nobody is, or checks this instance still is; whether it leads now.</summary>
    bool TryLead();
}
