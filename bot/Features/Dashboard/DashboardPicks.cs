using System.Text;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Weeks;
using static VocEdWeek.Bot.Features.Dashboard.DashboardPage;

namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary>
/// 择优推荐 on the dashboard: the case list, the ★ on picked cases and photos, and — for office staff only — a button on
/// each that picks or withdraws through <see cref="DashboardPickEndpoint"/>. Everyone else sees the stars, no buttons.
/// </summary>
public static class DashboardPicks
{
    public static void Cases(StringBuilder html, DashboardData data, Strings t, DashboardViewer viewer)
    {
        html.Append("<section aria-labelledby=\"h-cases\"><h2 id=\"h-cases\">").Append(H(t["recommend_cases_heading"])).Append("</h2>");
        if (data.CaseList.Count == 0)
        {
            html.Append("<p class=\"hint\">").Append(H(t["recommend_cases_empty"])).Append("</p></section>");
            return;
        }
        html.Append("<ul class=\"cases\">");
        foreach (var c in data.CaseList)
        {
            var picked = data.Marks.Has(c.Department.Id, c.ItemKey, PickKind.Case);
            html.Append("<li>");
            Star(html, picked);
            html.Append("<strong>").Append(H(c.Department.Name)).Append("</strong> · ").Append(H(WeekTime.Day(c.Day, t))).Append(" · ").Append(H(c.Line));
            Button(html, Pick.ItemIdOf(c.Department.Id, c.ItemKey, PickKind.Case, null), picked, t, viewer);
            html.Append("</li>");
        }
        html.Append("</ul></section>");
    }

    /// <summary>The star and (for staff) the button under a gallery photo.</summary>
    public static void Photo(StringBuilder html, DashboardData data, Files.MediaRecord photo, Strings t, DashboardViewer viewer)
    {
        var picked = data.Marks.Has(photo.DepartmentId, photo.ItemKey, PickKind.Photo, photo.Id);
        if (!picked && !viewer.CanPick) return;
        html.Append("<span class=\"pickline\">");
        Star(html, picked);
        Button(html, Pick.ItemIdOf(photo.DepartmentId, photo.ItemKey, PickKind.Photo, photo.Id), picked, t, viewer);
        html.Append("</span>");
    }

    private static void Star(StringBuilder html, bool picked) =>
        html.Append("<span class=\"star\"").Append(picked ? "" : " hidden").Append(">").Append(PickMarks.Star).Append("</span>");

    private static void Button(StringBuilder html, string itemId, bool picked, Strings t, DashboardViewer viewer)
    {
        if (!viewer.CanPick) return;
        html.Append(" <button type=\"button\" class=\"pick\" data-item=\"").Append(H(itemId)).Append("\" data-on=\"").Append(picked ? "1" : "0").Append("\">")
            .Append(H(t[picked ? "recommend_unpick" : "recommend_pick"])).Append("</button>");
    }

    /// <summary>The body attributes the script reads: where to post, the link that authorises it, and the button words.</summary>
    public static string Attributes(DashboardViewer viewer, Strings t, string pathBase) => !viewer.CanPick ? "" :
        $" data-pick-path=\"{H(pathBase + DashboardPickEndpoint.Path)}\" data-token=\"{H(viewer.Token)}\" data-pick=\"{H(t["recommend_pick"])}\""
        + $" data-unpick=\"{H(t["recommend_unpick"])}\" data-pick-failed=\"{H(t["recommend_pick_failed"])}\"";

    /// <summary>
    /// One click handler for every pick button, present and refreshed (the page swaps its main part every few minutes):
    /// it posts the link and the item, and on success flips the button and the star beside it. A failure is said on the
    /// button itself: Teams' tab frame may swallow alert().
    /// </summary>
    public const string Script = """
        (function(){var b=document.body,path=b.getAttribute('data-pick-path');if(!path)return;
        document.addEventListener('click',function(e){var btn=e.target.closest?e.target.closest('button.pick'):null;if(!btn||btn.disabled)return;
        var on=btn.getAttribute('data-on')!=='1';btn.disabled=true;
        fetch(path,{method:'POST',credentials:'omit',cache:'no-store',headers:{'Content-Type':'application/json','X-VocEdWeek-Dashboard':'1'},body:JSON.stringify({t:b.getAttribute('data-token'),item:btn.getAttribute('data-item'),on:on})})
        .then(function(r){if(!r.ok)throw new Error(String(r.status));return r.json();})
        .then(function(j){btn.setAttribute('data-on',j.on?'1':'0');btn.textContent=b.getAttribute(j.on?'data-unpick':'data-pick');var s=btn.parentNode.querySelector('.star');if(s)s.hidden=!j.on;})
        .catch(function(){btn.textContent=b.getAttribute('data-pick-failed');}).then(function(){btn.disabled=false;});});})();
        """;
}
