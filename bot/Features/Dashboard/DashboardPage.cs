using System.Globalization;
using System.Text;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary>Who the link was made for, where its media live, how long it stays open, and whether its holder may pick (staff).</summary>
public sealed record DashboardViewer(string Token, string StaffName, DateTimeOffset ExpiresAt, string MediaPath, bool CanPick = false, string PathBase = "");

/// <summary>
/// The dashboard as one self-contained HTML page (inline CSS and script under the response's nonce), rendered on the
/// server: heading, totals, per-item bars, the department × item grid and the photo gallery. Every text is encoded here.
/// </summary>
public sealed class DashboardPage(DashboardOptions options)
{
    public string Render(DashboardData data, Strings t, DashboardViewer viewer, string nonce)
    {
        var week = data.Week;
        var calendar = week.Calendar;
        var zone = OfficeFormat.Zone(calendar, t);
        var html = new StringBuilder(64 * 1024);
        Head(html, t, t.Format("dashboard_page_title", week.Definition.Title), nonce);
        var remaining = Math.Max(0, (long)(viewer.ExpiresAt - data.Snapshot.Now).TotalMilliseconds);
        var refresh = (long)Math.Max(0, options.RefreshEvery.TotalMilliseconds);
        html.Append(CultureInfo.InvariantCulture, $"<body data-remaining=\"{remaining}\" data-refresh=\"{refresh}\" data-gone=\"{H(t["dashboard_expired"] + " " + t["dashboard_get_link"])}\"{DashboardPicks.Attributes(viewer, t, viewer.PathBase)}>");

        html.Append("<header><h1>").Append(H(week.Definition.Title)).Append("</h1>");
        if (!string.IsNullOrWhiteSpace(week.Definition.Theme)) html.Append("<p class=\"theme\">").Append(H(week.Definition.Theme)).Append("</p>");
        html.Append("<p class=\"sub\">").Append(H(WeekTime.Range(calendar, t))).Append(" · <span id=\"updated\">")
            .Append(H(t.Format("dashboard_updated", WeekTime.DateTime(data.Snapshot.Now, calendar, t), zone))).Append("</span></p></header>");

        html.Append("<main id=\"dashboard\">");
        Totals(html, data, t);
        Items(html, data, t);
        Grid(html, data, t);
        DashboardPicks.Cases(html, data, t, viewer);
        Gallery(html, data, t, viewer);
        Videos(html, data, t, viewer);
        html.Append("<p class=\"foot\">").Append(H(t.Format("dashboard_link_note", viewer.StaffName, t.Format("dashboard_time_in_zone", WeekTime.DateTime(viewer.ExpiresAt, calendar, t), zone))));
        if (refresh > 0) html.Append(' ').Append(H(t.Format("dashboard_refresh_note", Math.Max(1, (int)Math.Round(options.RefreshEvery.TotalMinutes)))));
        html.Append("</p></main>");
        html.Append("<script nonce=\"").Append(nonce).Append("\">").Append(Script).Append(viewer.CanPick ? DashboardPicks.Script : "").Append("</script></body></html>");
        return html.ToString();
    }

    /// <summary>A page that shows only why there is nothing to show, and how to get a link.</summary>
    public static string Refusal(Strings t, string? reasonKey, string nonce)
    {
        var html = new StringBuilder();
        Head(html, t, t["dashboard_card_title"], nonce);
        html.Append("<body><main><div class=\"gone\" role=\"alert\">");
        if (reasonKey is not null) html.Append("<p>").Append(H(t[reasonKey])).Append("</p>");
        html.Append("<p><strong>").Append(H(t["dashboard_get_link"])).Append("</strong></p></div></main></body></html>");
        return html.ToString();
    }

    internal static void Head(StringBuilder html, Strings t, string title, string nonce)
    {
        html.Append("<!DOCTYPE html><html lang=\"").Append(t.Culture.TwoLetterISOLanguageName == "en" ? "en" : "zh-CN").Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\"><meta name=\"robots\" content=\"noindex, nofollow\">")
            .Append("<title>").Append(H(title)).Append("</title><style nonce=\"").Append(nonce).Append("\">").Append(DashboardStyle.Css).Append("</style></head>");
    }

    private static void Totals(StringBuilder html, DashboardData data, Strings t)
    {
        var n = data.Week.Definition.Departments.Count;
        html.Append("<section aria-labelledby=\"h-totals\"><h2 id=\"h-totals\">").Append(H(t["dashboard_totals_heading"])).Append("</h2><ul class=\"totals\">");
        Total(html, Num(n), t["dashboard_total_departments"], "departments");
        Total(html, $"{Submitted(data.Of(ItemKind.Plan))}/{n}", t["dashboard_total_plan"], "plan");

        html.Append("<li class=\"total wide\" data-total=\"today\">");
        if (data.ReportDay is { } day)
        {
            var label = data.ReportDayIsToday
                ? t.Format("dashboard_total_today", WeekTime.Day(day.Item.Day!.Value, t))
                : t.Format("dashboard_total_last_day", WeekTime.Day(day.Item.Day!.Value, t));
            html.Append("<span class=\"l\">").Append(H(label)).Append("</span><span class=\"today-counts\">");
            Count(html, day.OnTime, t["dashboard_total_on_time"], "on");
            Count(html, day.Late.Count, t["dashboard_total_late"], "late");
            Count(html, day.Missing.Count, t["dashboard_total_missing"], "missing");
            if (day.Exempt > 0) Count(html, day.Exempt, t["dashboard_total_exempt"], "exempt");
            html.Append("</span>");
        }
        else
        {
            html.Append("<span class=\"l\">").Append(H(t["dashboard_total_before_week"])).Append("</span>");
        }
        html.Append("</li>");

        Total(html, $"{Submitted(data.Of(ItemKind.Statistics))}/{n}", t["dashboard_total_statistics"], "statistics");
        Total(html, $"{Submitted(data.Of(ItemKind.Summary))}/{n}", t["dashboard_total_summary"], "summary");
        Total(html, Num(data.Cases), t["dashboard_total_cases"], "cases");
        Total(html, Num(data.Stories), t["dashboard_total_stories"], "stories");
        Total(html, Num(data.Photos), t["dashboard_total_photos"], "photos");
        Total(html, Num(data.Videos), t["dashboard_total_videos"], "videos");
        html.Append("</ul></section>");
    }

    private static void Total(StringBuilder html, string value, string label, string key) =>
        html.Append("<li class=\"total\" data-total=\"").Append(key).Append("\"><span class=\"n\">").Append(H(value)).Append("</span><span class=\"l\">").Append(H(label)).Append("</span></li>");

    private static void Count(StringBuilder html, int value, string label, string key) =>
        html.Append("<span data-count=\"").Append(key).Append("\"><b>").Append(Num(value)).Append("</b>").Append(H(label)).Append("</span>");

    private static void Items(StringBuilder html, DashboardData data, Strings t)
    {
        var calendar = data.Week.Calendar;
        html.Append("<section aria-labelledby=\"h-items\"><h2 id=\"h-items\">").Append(H(t["dashboard_items_heading"])).Append("</h2><ul class=\"items\">");
        foreach (var p in data.Items)
        {
            var n = p.Departments.Count;
            var onTime = p.OnTime;
            var late = p.Late.Count;
            var exempt = p.Exempt;
            var missing = p.Missing.Count;
            var overdue = p.Departments.Count(d => d.Overdue);
            var isToday = p.Item.Kind == ItemKind.DailyReport && p.Item.Day == data.Today;
            var detail = t.Format("dashboard_item_detail", onTime, late, exempt, missing);
            html.Append("<li data-item=\"").Append(H(p.Item.Key)).Append('"').Append(isToday ? " class=\"today\"" : "").Append('>')
                .Append("<div class=\"it-head\"><span>").Append(H(ItemNames.Title(p.Item, t)));
            if (isToday) html.Append(" · ").Append(H(t["dashboard_today"]));
            html.Append("</span><span>").Append(H(t.Format("dashboard_item_submitted", Submitted(p), n))).Append("</span></div>");
            // One SVG per bar: the segments' widths are attributes, which the CSP allows (style attributes it would not).
            var width = Math.Max(1, n);
            html.Append(CultureInfo.InvariantCulture, $"<svg class=\"bar\" viewBox=\"0 0 {width} 1\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{H(detail)}\"><rect class=\"track\" x=\"0\" y=\"0\" width=\"{width}\" height=\"1\"/>");
            var x = 0;
            foreach (var (count, cls) in new[] { (onTime, "on"), (late, "late"), (exempt, "ex"), (overdue, "miss") })
            {
                if (count == 0) continue;
                html.Append(CultureInfo.InvariantCulture, $"<rect class=\"{cls}\" x=\"{x}\" y=\"0\" width=\"{count}\" height=\"1\"/>");
                x += count;
            }
            html.Append("</svg><div class=\"it-detail\">").Append(H(detail));
            if (p.Item.Kind != ItemKind.DailyReport) html.Append(" · ").Append(H(t.Format("dashboard_item_due", WeekTime.DateTime(p.Deadline, calendar, t))));
            html.Append("</div></li>");
        }
        html.Append("</ul></section>");
    }

    private static void Grid(StringBuilder html, DashboardData data, Strings t)
    {
        var calendar = data.Week.Calendar;
        html.Append("<section aria-labelledby=\"h-grid\"><h2 id=\"h-grid\">").Append(H(t["dashboard_grid_heading"])).Append("</h2><ul class=\"legend\">");
        foreach (var (symbol, cls, label) in Legend(t)) html.Append("<li><span class=\"c ").Append(cls).Append("\" aria-hidden=\"true\">").Append(H(symbol)).Append("</span> ").Append(H(label)).Append("</li>");
        html.Append("</ul><div class=\"grid-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"h-grid\"><table class=\"grid\"><thead><tr><th scope=\"col\" class=\"dept\">")
            .Append(H(t["dashboard_grid_department"])).Append("</th>");
        foreach (var p in data.Items)
        {
            var isToday = p.Item.Kind == ItemKind.DailyReport && p.Item.Day == data.Today;
            html.Append("<th scope=\"col\"").Append(isToday ? " class=\"today\" aria-current=\"date\"" : "").Append('>');
            switch (p.Item.Kind)
            {
                case ItemKind.DailyReport:
                    var day = p.Item.Day!.Value;
                    html.Append("<span class=\"d\">").Append(H(OfficeFormat.DayColumn(day, t))).Append("</span><span class=\"w\">").Append(H(t.Format("dashboard_fmt_weekday", day))).Append("</span>");
                    if (isToday) html.Append("<span class=\"tag\">").Append(H(t["dashboard_today"])).Append("</span>");
                    break;
                default:
                    html.Append("<span class=\"d\">").Append(H(ItemNames.Column(p.Item, t))).Append("</span>");
                    break;
            }
            html.Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        var departments = data.Week.Definition.Departments;
        for (var i = 0; i < departments.Count; i++)
        {
            html.Append("<tr data-department=\"").Append(H(departments[i].Id)).Append("\"><th scope=\"row\" class=\"dept\">").Append(H(departments[i].Name)).Append("</th>");
            foreach (var p in data.Items)
            {
                // ItemProgress lists departments in the week file's order, the same order as these rows.
                var standing = p.Departments[i];
                var (symbol, cls, label) = Cell(standing, t);
                if (standing.FirstSubmittedAt is { } at && standing.Status != ItemStatus.Exempt)
                    label = t.Format("dashboard_cell_at", label, WeekTime.DateTime(at, calendar, t));
                var isToday = p.Item.Kind == ItemKind.DailyReport && p.Item.Day == data.Today;
                html.Append("<td").Append(isToday ? " class=\"today\"" : "").Append(" data-status=\"").Append(cls).Append("\" title=\"")
                    .Append(H(t.Format("dashboard_cell_text", departments[i].Name, ItemNames.Title(p.Item, t), label))).Append("\"><span class=\"c ").Append(cls)
                    .Append("\" aria-hidden=\"true\">").Append(H(symbol)).Append("</span><span class=\"sr\">").Append(H(label)).Append("</span></td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div><p class=\"hint\">").Append(H(t["dashboard_grid_scroll"])).Append("</p></section>");
    }

    /// <summary>The digest's symbols (✓ 迟 补 ✗ 免 ·), a CSS class and the words a screen reader says.</summary>
    public static (string Symbol, string Class, string Label) Cell(DepartmentProgress p, Strings t) => p.Status switch
    {
        ItemStatus.OnTime => (t["digest_sym_on_time"], "on", t["status_on_time"]),
        ItemStatus.Late => (t["digest_sym_late"], "late", t["status_late"]),
        ItemStatus.MadeUp => (t["digest_sym_made_up"], "late", t["status_made_up"]),
        ItemStatus.Exempt => (t["digest_sym_exempt"], "ex", t["status_exempt"]),
        _ when p.Overdue => (t["digest_sym_missing"], "miss", t["dashboard_status_overdue"]),
        _ => (t["digest_sym_open"], "open", t["dashboard_status_open"]),
    };

    private static IEnumerable<(string, string, string)> Legend(Strings t) =>
    [
        (t["digest_sym_on_time"], "on", t["status_on_time"]),
        (t["digest_sym_late"], "late", t["status_late"]),
        (t["digest_sym_made_up"], "late", t["status_made_up"]),
        (t["digest_sym_missing"], "miss", t["dashboard_status_overdue"]),
        (t["digest_sym_exempt"], "ex", t["status_exempt"]),
        (t["digest_sym_open"], "open", t["dashboard_status_open"]),
    ];

    private static void Gallery(StringBuilder html, DashboardData data, Strings t, DashboardViewer viewer)
    {
        html.Append("<section aria-labelledby=\"h-gallery\"><h2 id=\"h-gallery\">").Append(H(t["dashboard_gallery_heading"])).Append("</h2>");
        if (data.Photos == 0)
        {
            html.Append("<p class=\"hint\">").Append(H(t["dashboard_gallery_empty"])).Append("</p></section>");
            return;
        }
        html.Append("<p class=\"hint\">").Append(H(t.Format("dashboard_gallery_count", data.Photos))).Append("</p><ul class=\"gallery\">");
        var token = Uri.EscapeDataString(viewer.Token);
        foreach (var photo in data.Gallery)
        {
            var department = data.Week.Department(photo.DepartmentId)?.Name ?? photo.DepartmentId;
            var when = WeekItem.Parse(photo.ItemKey) is { } item ? ItemNames.Column(item, t) : "";
            var own = $"{viewer.MediaPath}/{Uri.EscapeDataString(photo.Id)}?t={token}";
            // The SharePoint copy opens in the office's own library; without one, the bot serves the file itself.
            var full = photo.WebUrl is { } web && web.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? web : own;
            html.Append("<li data-media=\"").Append(H(photo.Id)).Append("\"><a href=\"").Append(H(full)).Append("\" target=\"_blank\" rel=\"noopener noreferrer\"><img src=\"")
                .Append(H(own + "&thumb=1")).Append("\" loading=\"lazy\" decoding=\"async\" width=\"400\" height=\"300\" alt=\"")
                .Append(H(t.Format("dashboard_photo_alt", department, when, photo.FileName))).Append("\"></a><span class=\"cap\">")
                .Append(H($"{department} · {when}")).Append("</span>");
            DashboardPicks.Photo(html, data, photo, t, viewer);
            html.Append("</li>");
        }
        html.Append("</ul>");
        if (data.MorePhotos > 0) html.Append("<p class=\"hint\">").Append(H(t.Format("dashboard_gallery_more", data.MorePhotos))).Append("</p>");
        html.Append("</section>");
    }

    /// <summary>The newest videos as links: the SharePoint copy when there is one, else the bot plays its own copy.</summary>
    private static void Videos(StringBuilder html, DashboardData data, Strings t, DashboardViewer viewer)
    {
        if (data.Videos == 0) return;
        html.Append("<section aria-labelledby=\"h-videos\"><h2 id=\"h-videos\">").Append(H(t["dashboard_videos_heading"])).Append("</h2>")
            .Append("<p class=\"hint\">").Append(H(t.Format("dashboard_videos_count", data.Videos))).Append("</p><ul class=\"videos\">");
        var token = Uri.EscapeDataString(viewer.Token);
        foreach (var video in data.VideoList)
        {
            var department = data.Week.Department(video.DepartmentId)?.Name ?? video.DepartmentId;
            var when = WeekItem.Parse(video.ItemKey) is { } item ? ItemNames.Column(item, t) : "";
            var href = video.WebUrl is { } web && web.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                ? web
                : $"{viewer.MediaPath}/{Uri.EscapeDataString(video.Id)}?t={token}";
            html.Append("<li data-video=\"").Append(H(video.Id)).Append("\"><a href=\"").Append(H(href)).Append("\" target=\"_blank\" rel=\"noopener noreferrer\">")
                .Append("<span aria-hidden=\"true\">▶</span> ").Append(H(video.FileName)).Append("</a><span class=\"cap\">")
                .Append(H($"{department} · {when} · {Megabytes(video.Size, t)}")).Append("</span></li>");
        }
        html.Append("</ul>");
        if (data.MoreVideos > 0) html.Append("<p class=\"hint\">").Append(H(t.Format("dashboard_videos_more", data.MoreVideos))).Append("</p>");
        html.Append("</section>");
    }

    internal static string Megabytes(long bytes, Strings t) =>
        t.Format("dashboard_megabytes", Math.Max(0.1, Math.Round(bytes / 1024d / 1024d, 1)).ToString("0.0", t.Culture));

    private static int Submitted(ItemProgress p) => p.Departments.Count(d => d.Status is ItemStatus.OnTime or ItemStatus.Late or ItemStatus.MadeUp);

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Escapes the five HTML-special characters only (WebUtility would also turn "·" and "×" into entities).</summary>
    public static string H(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.AsSpan().IndexOfAny("<>&\"'") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch { '<' => "&lt;", '>' => "&gt;", '&' => "&amp;", '"' => "&quot;", '\'' => "&#39;", _ => c.ToString() });
        }
        return sb.ToString();
    }

    /// <summary>
    /// Clears the page when the link runs out (time measured from the server's answer, not the device clock) and
    /// fetches fresh data every few minutes, swapping the header and main part; photos already shown come from the cache.
    /// </summary>
    internal const string Script = """
        (function(){var b=document.body,left=Number(b.getAttribute('data-remaining')),every=Number(b.getAttribute('data-refresh')),timer=0;
        function gone(){if(timer)clearInterval(timer);var m=document.createElement('main'),d=document.createElement('div'),p=document.createElement('p');d.className='gone';d.setAttribute('role','alert');p.textContent=b.getAttribute('data-gone');d.appendChild(p);m.appendChild(d);b.replaceChildren(m);}
        if(!(left>0)){gone();return;}
        setTimeout(gone,Math.min(left,2147483000));
        if(every>0)timer=setInterval(function(){if(document.hidden)return;
        fetch(location.href,{cache:'no-store',credentials:'omit'}).then(function(r){if(r.status===403||r.status===404||r.status===410){gone();return null;}return r.ok?r.text():null;})
        .then(function(html){if(!html)return;var doc=new DOMParser().parseFromString(html,'text/html');['header','main'].forEach(function(s){var n=doc.querySelector(s),o=document.querySelector(s);if(n&&o)o.replaceWith(document.importNode(n,true));});})
        .catch(function(){});},every);})();
        """;
}
