namespace VocEdWeek.Bot.Weeks;

/// <summary>What a department must hand in: the plan before the week, a report per day, statistics and summary after.</summary>
public enum ItemKind
{
    Plan,
    DailyReport,
    Statistics,
    Summary,
}
