using System.Globalization;
using System.Text;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Features.Settings;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;
using static VocEdWeek.Bot.Features.Dashboard.DashboardPage;

namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary>
/// What an admin's tab opens on: the week's office and liaison list as it is now (read-only — changes are made in the chat,
/// with a confirm card each) and the settings log, newest first, with a way on to the dashboard.
/// </summary>
public sealed class RosterPage(ISettingsLogStore log, DashboardLinks links, TimeProvider time)
{
    public const int LogRows = 50;

    public string Render(ActiveWeek week, Strings t, DashboardViewer viewer, string personKey, string pathBase, string nonce)
    {
        var calendar = week.Calendar;
        var zone = OfficeFormat.Zone(calendar, t);
        var html = new StringBuilder(16 * 1024);
        Head(html, t, t.Format("tab_roster_title", week.Definition.Title), nonce);
        var dashboard = links.Create(week.Definition.Id, viewer.StaffName, t.Culture.Name, personKey);
        html.Append("<body data-view=\"roster\"><header><h1>").Append(H(week.Definition.Title)).Append("</h1><p class=\"sub\">")
            .Append(H(t["tab_roster_sub"])).Append(" · ").Append(H(WeekTime.Range(calendar, t))).Append(" · ")
            .Append(H(t.Format("dashboard_updated", WeekTime.DateTime(time.GetUtcNow(), calendar, t), zone))).Append("</p>")
            .Append("<p><a id=\"to-dashboard\" href=\"").Append(H(pathBase + "/dashboard?t=" + Uri.EscapeDataString(dashboard.Token))).Append("\">")
            .Append(H(t["tab_roster_open_dashboard"])).Append("</a></p></header><main id=\"roster\">");

        html.Append("<section aria-labelledby=\"h-office\"><h2 id=\"h-office\">").Append(H(t.Format("tab_roster_office", week.Definition.Office.Name))).Append("</h2><ul>");
        foreach (var (role, people) in new[] { (Role.Admin, week.Definition.Office.Admins), (Role.Staff, week.Definition.Office.Staff), (Role.Observer, week.Definition.Office.Observers) })
        {
            if (people.Count == 0) continue;
            html.Append("<li><strong>").Append(H(SettingsWords.RoleName(role, t))).Append("</strong>：").Append(H(string.Join(t["list_separator"], people.Select(WeekChange.Show)))).Append("</li>");
        }
        html.Append("</ul></section>");

        html.Append("<section aria-labelledby=\"h-departments\"><h2 id=\"h-departments\">").Append(H(t.Format("tab_roster_departments", week.Definition.Departments.Count)))
            .Append("</h2><table class=\"grid\"><thead><tr><th>").Append(H(t["tab_roster_col_department"])).Append("</th><th>").Append(H(t["tab_roster_col_people"]))
            .Append("</th></tr></thead><tbody>");
        foreach (var department in week.Definition.Departments)
        {
            html.Append("<tr data-department=\"").Append(H(department.Id)).Append("\"><td>").Append(H(department.Name)).Append("</td><td>");
            html.Append(department.Liaisons.Count == 0
                ? H(t["tab_roster_nobody"])
                : string.Join("<br>", department.Liaisons.Select(p => H(Person(p, t)))));
            html.Append("</td></tr>");
        }
        html.Append("</tbody></table></section>");

        var entries = log.For(week.Definition.Id, LogRows);
        html.Append("<section aria-labelledby=\"h-log\"><h2 id=\"h-log\">").Append(H(t["tab_roster_log"])).Append("</h2>");
        if (entries.Count == 0) html.Append("<p>").Append(H(t["tab_roster_log_empty"])).Append("</p>");
        else
        {
            html.Append("<table class=\"grid\" id=\"settings-log\"><tbody>");
            foreach (var e in entries)
            {
                html.Append("<tr><td>").Append(H(WeekTime.DateTime(new DateTimeOffset(e.At, TimeSpan.Zero), calendar, t))).Append("</td><td>").Append(H(e.ActorName))
                    .Append("</td><td>").Append(H(SettingsWords.Kind(e.Kind, t))).Append("</td><td>").Append(H(SettingsWords.Subject(e.Kind, e.Subject, t, week)))
                    .Append("</td><td>").Append(H(SettingsWords.Value(e.Kind, e.Before, t))).Append(" → ").Append(H(SettingsWords.Value(e.Kind, e.After, t))).Append("</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("</section><p class=\"foot\">").Append(H(t["tab_roster_read_only"])).Append("</p></main></body></html>");
        return html.ToString();
    }

    private static string Person(Person p, Strings t)
    {
        var parts = new List<string> { p.Backup ? t.Format("tab_roster_backup", p.Name) : p.Name };
        if (p.Phone is { Length: > 0 } phone) parts.Add(phone);
        if (p.Email is { Length: > 0 } email) parts.Add(email);
        return string.Join(" · ", parts);
    }
}
