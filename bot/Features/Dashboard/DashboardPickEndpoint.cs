using System.Text.Json;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary>
/// POST /dashboard/pick {t, item, on}: office staff pick (or withdraw) a case or a gallery photo from the dashboard. The
/// key is the dashboard link itself, as for the page: valid, still its holder's, made for the office (no department or
/// roster view) and naming a member who is staff now. Against forgery: the link travels in the body, never in a cookie a
/// browser would add by itself, and only the page's own script can send the request (same origin, a custom header and a
/// JSON body, which no cross-site form can send and whose CORS preflight the bot never answers).
/// </summary>
public static class DashboardPickEndpoint
{
    public const string Path = "/dashboard/pick";
    public const string Header = "X-VocEdWeek-Dashboard";

    public sealed record PickRequest(string? T, string? Item, bool On);

    public static WebApplication MapDashboardPick(this WebApplication app)
    {
        app.MapPost(Path, (Delegate)PickAsync);
        return app;
    }

    /// <summary>The staff member a link is for, when it is an office link whose holder is staff now; else null.</summary>
    public static Member? Picker(LinkCheck check, WeekCatalog weeks)
    {
        if (!check.IsValid || check[DashboardLinks.DepartmentClaim] is not null || check[DashboardLinks.RosterClaim] is not null) return null;
        if (check[DashboardLinks.PersonClaim] is not { } key) return null;
        return (weeks.Active ?? weeks.Latest)?.Roster.Find(key, key) is { IsStaff: true } member ? member : null;
    }

    private static async Task<IResult> PickAsync(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!FromOwnPage(http)) return Results.StatusCode(StatusCodes.Status403Forbidden);
        PickRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<PickRequest>(http.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        var services = http.RequestServices;
        var check = services.GetRequiredService<DashboardLinks>().Verify(request?.T);
        if (check.Status == LinkStatus.Expired) return Results.StatusCode(StatusCodes.Status410Gone);
        var weeks = services.GetRequiredService<WeekCatalog>();
        if (request?.Item is not { } itemId || weeks.Find(check[DashboardLinks.WeekClaim] ?? "") is not { } week
            || !LinkHolder.StillEntitled(check, week, weeks) || Picker(check, weeks) is not { } member)
            return Results.StatusCode(StatusCodes.Status403Forbidden);

        var picks = services.GetRequiredService<IPickStore>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (!request.On)
        {
            picks.Withdraw(week.Definition.Id, PickSource.Office, itemId, member.Person.Name, now);
            return Results.Json(new { on = false });
        }
        if (Find(services, week, itemId) is not { } pick) return Results.NotFound();
        pick.ByName = member.Person.Name;
        pick.ByAadObjectId = member.Person.AadObjectId;
        pick.At = now;
        picks.Put(pick);
        return Results.Json(new { on = true });
    }

    /// <summary>The pick for a case of a current report or a stored photo of the week; null for anything else.</summary>
    private static Pick? Find(IServiceProvider services, ActiveWeek week, string itemId)
    {
        var parts = itemId.Split('|');
        if (parts.Length is < 3 or > 4 || week.Department(parts[0]) is null || !Enum.TryParse<PickKind>(parts[2], out var kind)) return null;
        var pick = new Pick { WeekId = week.Definition.Id, Source = PickSource.Office, DepartmentId = parts[0], ItemKey = parts[1], Kind = kind };
        switch (kind)
        {
            case PickKind.Case when parts.Length == 3:
                var current = services.GetRequiredService<ISubmissionStore>().Current(week.Definition.Id, parts[0], parts[1]);
                return current is not null && HasCase(current.Data) ? pick : null;
            case PickKind.Photo when parts.Length == 4:
                var photo = services.GetRequiredService<IMediaStore>().Find(parts[3]);
                if (photo is not { State: MediaState.Stored, Kind: MediaKind.Photo } || photo.WeekId != pick.WeekId
                    || photo.DepartmentId != pick.DepartmentId || photo.ItemKey != pick.ItemKey) return null;
                pick.MediaId = photo.Id;
                return pick;
            default:
                return null;
        }
    }

    private static bool HasCase(string json)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(FormJson.Deserialize<DailyReportData>(json).TypicalCase);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Sent by this origin's page script: the custom header, a JSON body, and no foreign Origin or fetch site.</summary>
    private static bool FromOwnPage(HttpContext http)
    {
        var request = http.Request;
        if (request.Headers[Header] != "1" || !request.HasJsonContentType()) return false;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site != "same-origin") return false;
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}
