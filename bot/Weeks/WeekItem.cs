namespace VocEdWeek.Bot.Weeks;

/// <summary>One thing due: an item kind, and for daily reports the day it is for.</summary>
public sealed record WeekItem(ItemKind Kind, DateOnly? Day = null)
{
    /// <summary>Stable key used in storage and card data: "plan", "report:2024-05-14", "statistics", "summary".</summary>
    public string Key => Kind switch
    {
        ItemKind.Plan => "plan",
        ItemKind.DailyReport => $"report:{Day:yyyy-MM-dd}",
        ItemKind.Statistics => "statistics",
        _ => "summary",
    };

    public static WeekItem? Parse(string? key)
    {
        switch (key)
        {
            case "plan": return new WeekItem(ItemKind.Plan);
            case "statistics": return new WeekItem(ItemKind.Statistics);
            case "summary": return new WeekItem(ItemKind.Summary);
        }
        return key is not null && key.StartsWith("report:", StringComparison.Ordinal)
            && DateOnly.TryParseExact(key[7..], "yyyy-MM-dd", out var day)
            ? new WeekItem(ItemKind.DailyReport, day)
            : null;
    }
}
