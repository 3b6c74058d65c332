using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Scheduling;

/// <summary>
/// One moment something is due: a key that names it for good (e.g. "2024-wuxi|remind|2024-05-14T09:00"),
/// the instant, how late it may still run, and the items it is about.
/// </summary>
public sealed record ScheduledSlot(string Key, string Source, DateTimeOffset At, TimeSpan Grace, IReadOnlyList<WeekItem> Items)
{
    /// <summary>A kind within the source, e.g. "late" for a late notice.</summary>
    public string Kind { get; init; } = "";
}
