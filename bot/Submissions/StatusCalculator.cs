using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Submissions;

/// <summary>
/// Status of one item for one department. What counts is when the FIRST version came in: fixing a
/// typo after 12:00 does not make an on-time report late. Late work is accepted, only marked.
/// </summary>
public static class StatusCalculator
{
    public static ItemStatus Of(WeekCalendar calendar, WeekItem item, DateTimeOffset? firstSubmittedAt, bool exempt)
    {
        if (exempt) return ItemStatus.Exempt;
        if (firstSubmittedAt is not { } at) return ItemStatus.Missing;
        var deadline = calendar.DeadlineOf(item);
        if (at <= deadline) return ItemStatus.OnTime;
        return calendar.LocalDate(at) == calendar.LocalDate(deadline) ? ItemStatus.Late : ItemStatus.MadeUp;
    }

    /// <summary>Missing and its deadline has passed.</summary>
    public static bool IsOverdue(WeekCalendar calendar, WeekItem item, ItemStatus status, DateTimeOffset now) =>
        status == ItemStatus.Missing && now > calendar.DeadlineOf(item);
}
