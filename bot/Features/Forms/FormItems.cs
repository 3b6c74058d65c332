using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>Status labels of the items a department hands in (their names are in <see cref="ItemNames"/>).</summary>
public static class FormItems
{
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
