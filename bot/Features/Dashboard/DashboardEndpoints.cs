using System.Globalization;
using VocEdWeek.Bot.Features.Dashboard.SignIn;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary>
/// GET /dashboard?t={token} (also /dashboard/{token}): the live page; GET /dashboard/media/{id}?t={token}[&amp;thumb=1]:
/// a photo (or video, with byte ranges) of the link's week. Without a valid link nothing of the week is shown: no token → how to get one (200,
/// what the Teams tab shows until single sign-on is set up), expired → 410, altered or made for something else → 403,
/// a week the bot no longer has → 404. A link with a department claim (a liaison's, from the signed-in tab) shows that
/// department's own view and serves only its files.
/// </summary>
public static class DashboardEndpoints
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapGet("/dashboard", (HttpContext http, string? t) => PageAsync(http, t));
        app.MapGet("/dashboard/{token}", (HttpContext http, string token) => PageAsync(http, token));
        app.MapGet("/dashboard/media/{id}", (HttpContext http, string id, string? t, string? thumb, CancellationToken ct) => MediaAsync(http, id, t, thumb, ct));
        // Office staff pick cases and photos from the page (择优推荐).
        app.MapDashboardPick();
        // The Teams tab signs in and is sent to one of the links above.
        app.MapDashboardTab();
        return app;
    }

    private static async Task PageAsync(HttpContext http, string? token)
    {
        var services = http.RequestServices;
        var nonce = DashboardHeaders.NewNonce();
        DashboardHeaders.Page(http.Response, nonce);
        http.Response.ContentType = "text/html; charset=utf-8";
        if (string.IsNullOrEmpty(token))
        {
            await http.Response.WriteAsync(DashboardPage.Refusal(Language(http, null), "dashboard_no_link", nonce), http.RequestAborted);
            return;
        }
        var check = services.GetRequiredService<DashboardLinks>().Verify(token);
        var week = check.IsValid && check[DashboardLinks.WeekClaim] is { } weekId ? services.GetRequiredService<WeekCatalog>().Find(weekId) : null;
        if (week is null)
        {
            var (status, reason) = Refused(check);
            http.Response.StatusCode = status;
            // An expired link's claims are still signed by us, so its language can be trusted; an invalid one's cannot.
            var t = Language(http, check.Status == LinkStatus.Expired ? check[DashboardLinks.LocaleClaim] : null);
            await http.Response.WriteAsync(DashboardPage.Refusal(t, reason, nonce), http.RequestAborted);
            return;
        }
        var strings = Strings.For(check[DashboardLinks.LocaleClaim] ?? week.Definition.Locale);
        if (!LinkHolder.StillEntitled(check, week, services.GetRequiredService<WeekCatalog>()))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.Response.WriteAsync(DashboardPage.Refusal(strings, "dashboard_access_ended", nonce), http.RequestAborted);
            return;
        }
        var viewer = new DashboardViewer(token, check[DashboardLinks.StaffClaim] ?? "", check.ExpiresAt!.Value, http.Request.PathBase + "/dashboard/media",
            DashboardPickEndpoint.Picker(check, services.GetRequiredService<WeekCatalog>()) is not null, http.Request.PathBase);
        if (check[DashboardLinks.RosterClaim] is not null)
        {
            var roster = services.GetRequiredService<RosterPage>().Render(week, strings, viewer, check[DashboardLinks.PersonClaim]!, http.Request.PathBase, nonce);
            await http.Response.WriteAsync(roster, http.RequestAborted);
            return;
        }
        // A liaison's link (from the signed-in tab) opens their own department's view, never the whole dashboard.
        if (check[DashboardLinks.DepartmentClaim] is { } departmentId)
        {
            await DepartmentAsync(http, week, departmentId, strings, viewer, nonce);
            return;
        }
        var data = services.GetRequiredService<DashboardBuilder>().Build(week);
        var page = services.GetRequiredService<DashboardPage>().Render(data, strings, viewer, nonce);
        await http.Response.WriteAsync(page, http.RequestAborted);
    }

    private static async Task DepartmentAsync(HttpContext http, ActiveWeek week, string departmentId, Strings strings, DashboardViewer viewer, string nonce)
    {
        var services = http.RequestServices;
        if (week.Department(departmentId) is not { } department)
        {
            // The department left the week after the link was made: nothing to show.
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await http.Response.WriteAsync(DashboardPage.Refusal(strings, "dashboard_week_gone", nonce), http.RequestAborted);
            return;
        }
        var data = DepartmentData.Build(week, department, services.GetRequiredService<ProgressService>(), services.GetRequiredService<IMediaStore>(), services.GetRequiredService<DashboardOptions>());
        await http.Response.WriteAsync(services.GetRequiredService<DepartmentPage>().Render(data, strings, viewer, nonce), http.RequestAborted);
    }

    private static async Task MediaAsync(HttpContext http, string id, string? token, string? thumb, CancellationToken ct)
    {
        var services = http.RequestServices;
        var check = services.GetRequiredService<DashboardLinks>().Verify(token);
        DashboardHeaders.Media(http.Response, cacheable: false);
        if (!check.IsValid)
        {
            var (status, _) = Refused(check);
            http.Response.StatusCode = status;
            return;
        }
        var weeks = services.GetRequiredService<WeekCatalog>();
        if (weeks.Find(check[DashboardLinks.WeekClaim] ?? "") is not { } week || !LinkHolder.StillEntitled(check, week, weeks))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        var record = services.GetRequiredService<IMediaStore>().Find(id);
        // Only a stored photo or video of the link's own week: a link for 2024 never opens a file of another week.
        // A department's link opens only that department's files.
        if (record is null || record.WeekId != check[DashboardLinks.WeekClaim] || record.Kind is not (MediaKind.Photo or MediaKind.Video)
            || record.State != MediaState.Stored
            || (check[DashboardLinks.DepartmentClaim] is { } department && record.DepartmentId != department))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (record.Kind == MediaKind.Video)
        {
            await VideoAsync(http, record, services.GetRequiredService<MediaContent>(), ct);
            return;
        }
        await using var stream = await services.GetRequiredService<MediaContent>().OpenAsync(record, thumb is "1" or "true", ct);
        if (stream is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var head = new byte[16];
        var read = await ReadHeadAsync(stream, head, ct);
        DashboardHeaders.Media(http.Response, cacheable: true);
        http.Response.ContentType = ImageType.Of(head.AsSpan(0, read), record.FileName);
        http.Response.Headers.ContentDisposition = "inline; filename*=UTF-8''" + Uri.EscapeDataString(record.FileName);
        await http.Response.Body.WriteAsync(head.AsMemory(0, read), ct);
        await stream.CopyToAsync(http.Response.Body, ct);
    }

    /// <summary>The whole video, with byte ranges when the copy is local (browsers seek and phones fetch in pieces).</summary>
    private static async Task VideoAsync(HttpContext http, MediaRecord record, MediaContent content, CancellationToken ct)
    {
        var stream = await content.OpenAsync(record, thumbnail: false, ct);
        if (stream is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        DashboardHeaders.Video(http.Response);
        http.Response.Headers.ContentDisposition = "inline; filename*=UTF-8''" + Uri.EscapeDataString(record.FileName);
        // The result disposes the stream.
        await TypedResults.Stream(stream, VideoType.Of(record.FileName), enableRangeProcessing: stream.CanSeek).ExecuteAsync(http);
    }

    private static (int Status, string Reason) Refused(LinkCheck check) => check.Status switch
    {
        LinkStatus.Expired => (StatusCodes.Status410Gone, "dashboard_expired"),
        LinkStatus.Valid => (StatusCodes.Status404NotFound, "dashboard_week_gone"),
        _ => (StatusCodes.Status403Forbidden, "dashboard_invalid"),
    };

    private static async Task<int> ReadHeadAsync(Stream stream, byte[] buffer, CancellationToken ct)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(total), ct);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    /// <summary>Without a trusted claim: ?lang= (the Teams tab passes its {locale}), else the browser's first language.</summary>
    internal static Strings Language(HttpContext http, string? claimed)
    {
        if (claimed is not null) return Strings.For(claimed);
        var lang = http.Request.Query["lang"].ToString();
        if (string.IsNullOrEmpty(lang)) lang = http.Request.Headers.AcceptLanguage.ToString().Split(',')[0].Trim();
        return Strings.For(string.IsNullOrEmpty(lang) ? CultureInfo.GetCultureInfo("zh-CN") : CultureInfo.GetCultureInfo(SafeCulture(lang)));
    }

    private static string SafeCulture(string tag) =>
        tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en-US" : "zh-CN";
}
