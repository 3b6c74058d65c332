using System.Globalization;
using System.Text;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;
using static VocEdWeek.Bot.Features.Dashboard.DashboardPage;

namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary>
/// A liaison's own department in the signed-in tab: the week's heading, every item with this department's status,
/// time and deadline, and its own photos and videos, in the dashboard's style and with its refresh and expiry script.
/// It is given one department's data only (<see cref="DepartmentData"/>), so it cannot show another's.
/// </summary>
public sealed class DepartmentPage(DashboardOptions options)
{
    public string Render(DepartmentData data, Strings t, DashboardViewer viewer, string nonce)
    {
        var calendar = data.Week.Calendar;
        var zone = OfficeFormat.Zone(calendar, t);
        var html = new StringBuilder(16 * 1024);
        Head(html, t, t.Format("tab_department_title", data.Department.Name), nonce);
        var remaining = Math.Max(0, (long)(viewer.ExpiresAt - data.Now).TotalMilliseconds);
        var refresh = (long)Math.Max(0, options.RefreshEvery.TotalMilliseconds);
        html.Append(CultureInfo.InvariantCulture, $"<body data-view=\"department\" data-remaining=\"{remaining}\" data-refresh=\"{refresh}\" data-gone=\"{H(t["dashboard_expired"] + " " + t["dashboard_get_link"])}\">");
        html.Append("<header><h1>").Append(H(data.Week.Definition.Title)).Append("</h1><p class=\"sub\">").Append(H(data.Department.Name)).Append(" · ")
            .Append(H(WeekTime.Range(calendar, t))).Append(" · <span id=\"updated\">")
            .Append(H(t.Format("dashboard_updated", WeekTime.DateTime(data.Now, calendar, t), zone))).Append("</span></p></header><main id=\"department\">");

        html.Append("<section aria-labelledby=\"h-own\"><h2 id=\"h-own\">").Append(H(t["tab_department_items"])).Append("</h2><ul class=\"items\">");
        foreach (var (standing, deadline) in data.Items)
        {
            var (symbol, cls, label) = Cell(standing, t);
            if (standing.FirstSubmittedAt is { } at && standing.Status != ItemStatus.Exempt) label = t.Format("dashboard_cell_at", label, WeekTime.DateTime(at, calendar, t));
            html.Append("<li data-item=\"").Append(H(standing.Item.Key)).Append("\" data-status=\"").Append(cls).Append("\"><div class=\"it-head\"><span>")
                .Append(H(ItemNames.Title(standing.Item, t))).Append("</span><span><span class=\"c ").Append(cls).Append("\" aria-hidden=\"true\">").Append(H(symbol))
                .Append("</span> ").Append(H(label)).Append("</span></div><div class=\"it-detail\">")
                .Append(H(t.Format("dashboard_item_due", WeekTime.DateTime(deadline, calendar, t)))).Append("</div></li>");
        }
        html.Append("</ul></section>");

        Media(html, data, t, viewer);
        html.Append("<p class=\"foot\">").Append(H(t.Format("dashboard_link_note", viewer.StaffName, t.Format("dashboard_time_in_zone", WeekTime.DateTime(viewer.ExpiresAt, calendar, t), zone))))
            .Append("</p></main><script nonce=\"").Append(nonce).Append("\">").Append(Script).Append("</script></body></html>");
        return html.ToString();
    }

    private static void Media(StringBuilder html, DepartmentData data, Strings t, DashboardViewer viewer)
    {
        var token = Uri.EscapeDataString(viewer.Token);
        string Own(MediaRecord m) => $"{viewer.MediaPath}/{Uri.EscapeDataString(m.Id)}?t={token}";
        static string Remote(MediaRecord m, string own) => m.WebUrl is { } web && web.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? web : own;
        static string When(MediaRecord m, Strings t) => WeekItem.Parse(m.ItemKey) is { } item ? ItemNames.Column(item, t) : "";

        html.Append("<section aria-labelledby=\"h-gallery\"><h2 id=\"h-gallery\">").Append(H(t["dashboard_gallery_heading"])).Append("</h2>");
        if (data.Photos == 0) html.Append("<p class=\"hint\">").Append(H(t["dashboard_gallery_empty"])).Append("</p>");
        else
        {
            html.Append("<p class=\"hint\">").Append(H(t.Format("dashboard_gallery_count", data.Photos))).Append("</p><ul class=\"gallery\">");
            foreach (var photo in data.Gallery)
            {
                var own = Own(photo);
                html.Append("<li data-media=\"").Append(H(photo.Id)).Append("\"><a href=\"").Append(H(Remote(photo, own))).Append("\" target=\"_blank\" rel=\"noopener noreferrer\"><img src=\"")
                    .Append(H(own + "&thumb=1")).Append("\" loading=\"lazy\" decoding=\"async\" width=\"400\" height=\"300\" alt=\"")
                    .Append(H(t.Format("dashboard_photo_alt", data.Department.Name, When(photo, t), photo.FileName))).Append("\"></a><span class=\"cap\">")
                    .Append(H(When(photo, t))).Append("</span></li>");
            }
            html.Append("</ul>");
        }
        html.Append("</section>");
        if (data.Videos == 0) return;
        html.Append("<section aria-labelledby=\"h-videos\"><h2 id=\"h-videos\">").Append(H(t["dashboard_videos_heading"])).Append("</h2><ul class=\"videos\">");
        foreach (var video in data.VideoList)
        {
            html.Append("<li data-video=\"").Append(H(video.Id)).Append("\"><a href=\"").Append(H(Remote(video, Own(video)))).Append("\" target=\"_blank\" rel=\"noopener noreferrer\">")
                .Append("<span aria-hidden=\"true\">▶</span> ").Append(H(video.FileName)).Append("</a><span class=\"cap\">")
                .Append(H($"{When(video, t)} · {Megabytes(video.Size, t)}")).Append("</span></li>");
        }
        html.Append("</ul></section>");
    }
}
