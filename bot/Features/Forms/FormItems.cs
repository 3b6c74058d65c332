using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>Names and status labels of the items a department hands in.</summary>
public static class FormItems
{
    public static string Title(WeekItem item, Strings t) => item.Kind switch
    {
        ItemKind.Plan => t["item_plan"],
        ItemKind.DailyReport => t.Format("item_report", FormTime.Day(item.Day!.Value, t)),
        ItemKind.Statistics => t["item_statistics"],
        _ => t["item_summary"],
    };

    /// <summary>未提交 / 已提交 / 迟交 / 补交 / 免报.</summary>
    public static string StatusLabel(ItemStatus status, Strings t) => status switch
    {
        ItemStatus.OnTime => t["status_on_time"],
        ItemStatus.Late => t["status_late"],
        ItemStatus.MadeUp => t["status_made_up"],
        ItemStatus.Exempt => t["status_exempt"],
        _ => t["status_missing"],
    };

    /// <summary>Adaptive Cards text colour for a status; missing turns red only once overdue.</summary>
    public static string StatusColor(ItemStatus status, bool overdue) => status switch
    {
        ItemStatus.OnTime => "Good",
        ItemStatus.Late or ItemStatus.MadeUp => "Warning",
        ItemStatus.Exempt => "Accent",
        _ => overdue ? "Attention" : "Default",
    };
}
