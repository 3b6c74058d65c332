using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Scheduling;

/// <summary>A feature with things to do at set times of a week (reminders, digests).</summary>
public interface ISlotSource
{
    string Name { get; }

    /// <summary>Every slot of the week, past and future, as instants.</summary>
    IEnumerable<ScheduledSlot> Slots(ActiveWeek week);

    Task<SlotResult> RunAsync(ActiveWeek week, ScheduledSlot slot, DateTimeOffset now, CancellationToken ct);
}
