using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Recommend;

/// <summary>
/// One thing that may be recommended upward: a daily report's typical case, story or featured report (its first line), or
/// a stored photo or video of a report day (its file name).
/// </summary>
public sealed record Candidate(Department Department, DateOnly Day, PickKind Kind, string? MediaId, string Line)
{
    public string ItemKey => new WeekItem(ItemKind.DailyReport, Day).Key;

    public string ItemId => Pick.ItemIdOf(Department.Id, ItemKey, Kind, MediaId);
}
