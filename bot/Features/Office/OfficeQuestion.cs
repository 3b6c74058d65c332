using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Office;

/// <summary>What an office question asks for: who has not handed something in, or how far along things are.</summary>
public enum OfficeIntent
{
    /// <summary>"谁没交", "who hasn't reported": the missing list (with late ones and counts).</summary>
    Missing,
    /// <summary>"进度", "status": counts; for the whole week when no item or day was named.</summary>
    Progress,
}

/// <summary>
/// A staff question in plain words, understood: the intent, the item (daily report unless another one was
/// named), the day (today unless one was named) or the whole week. Unknown questions are never turned into one.
/// </summary>
public sealed record OfficeQuestion(OfficeIntent Intent, ItemKind Item, DateOnly Day, bool WholeWeek)
{
    /// <summary>The question named the item ("计划表", "summary"); otherwise the daily report is assumed.</summary>
    public bool ItemNamed { get; init; }

    /// <summary>The question named a day ("昨天", "5月14日"); otherwise today is assumed.</summary>
    public bool DayNamed { get; init; }

    /// <summary>A date phrase that names no real day ("2月30日"); the answer says so instead of guessing.</summary>
    public string? BadDate { get; init; }

    /// <summary>Neither item nor day named, or "this week": the answer covers every item of the week.</summary>
    public bool IsWholeWeek => WholeWeek || (Intent == OfficeIntent.Progress && !ItemNamed && !DayNamed);

    /// <summary>The one item asked about (plan, a day's report, statistics or summary).</summary>
    public WeekItem WeekItem => Item == ItemKind.DailyReport ? new WeekItem(ItemKind.DailyReport, Day) : new WeekItem(Item);
}
