using System.Globalization;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Weeks;

/// <summary>
/// Everything an item is called, in one place. Each kind has one word that names its texts (<c>item_plan</c>,
/// <c>files_item_plan</c>, <c>office_command_plan</c>, …, kept in the feature's text file) and one folder name; a daily
/// report is named by its day instead. A new kind of item is named here, and every card, page and folder follows.
/// </summary>
public static class ItemNames
{
    private sealed record Naming(string Word, string Folder);

    private static readonly Naming Plan = new("plan", "计划");
    private static readonly Naming Statistics = new("statistics", "统计");
    private static readonly Naming Summary = new("summary", "总结");

    /// <summary>The naming of a kind other than the daily report (which its day names).</summary>
    private static Naming Of(ItemKind kind) => kind switch
    {
        ItemKind.Plan => Plan,
        ItemKind.Statistics => Statistics,
        _ => Summary,
    };

    /// <summary>"方案与信息采集表", "5月14日（周二）日报": the item's title on cards, reminders and receipts.</summary>
    public static string Title(WeekItem item, Strings t) =>
        Day(item) is { } day ? t.Format("item_report", WeekTime.Day(day, t)) : t[$"item_{Of(item.Kind).Word}"];

    /// <summary>"活动方案", "5月14日 日报": where received files went, in the chat acknowledgement and on the upload page.</summary>
    public static string FileLabel(WeekItem item, Strings t) =>
        Day(item) is { } day ? t.Format("files_item_report", WeekTime.ShortDay(day, t)) : t[$"files_item_{Of(item.Kind).Word}"];

    /// <summary>What a liaison types to open the item's form: "计划", "日报 5月14日", "统计", "总结".</summary>
    public static string Command(WeekItem item, Strings t) =>
        Day(item) is { } day ? t.Format("office_command_report", WeekTime.ShortDay(day, t)) : t[$"office_command_{Of(item.Kind).Word}"];

    /// <summary>How the item is written in the exemption (and its undo) command: "5月14日", "计划", "统计", "总结".</summary>
    public static string ExemptionWord(WeekItem item, Strings t) =>
        Day(item) is { } day ? WeekTime.ShortDay(day, t) : t[$"office_exempt_word_{Of(item.Kind).Word}"];

    /// <summary>The dashboard's short column label: "5月14日", "方案", "统计", "总结".</summary>
    public static string Column(WeekItem item, Strings t) =>
        Day(item) is { } day ? WeekTime.ShortDay(day, t) : t[$"dashboard_col_{Of(item.Kind).Word}"];

    /// <summary>The media index's item column: "5月14日日报", else the title.</summary>
    public static string InExport(WeekItem item, Strings t) =>
        Day(item) is { } day ? t.Format("export_item_report", WeekTime.ShortDay(day, t)) : Title(item, t);

    /// <summary>A kind as a whole, in the settings (deadlines): "计划和信息采集表", "日报", "情况统计表", "总结".</summary>
    public static string KindName(ItemKind kind, Strings t) => t[$"settings_item_{kind.ToString().ToLowerInvariant()}"];

    /// <summary>The item's folder below week and department: "2024-05-14", "计划", "统计", "总结" (the same for every language).</summary>
    public static string Folder(WeekItem? item) =>
        item is not null && Day(item) is { } day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Of(item?.Kind ?? ItemKind.Summary).Folder;

    private static DateOnly? Day(WeekItem item) => item.Kind == ItemKind.DailyReport ? item.Day!.Value : null;
}
