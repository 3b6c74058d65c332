using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Features.Dashboard.SignIn;

/// <summary>
/// The dashboard tab with Teams single sign-on: GET /tab (the page that signs in), GET /tab/teams-js/… (the pinned
/// TeamsJS), POST /tab/session (Bearer token → where to go). With SSO off, GET /tab is the dashboard's "ask the bot for
/// a link" page and the session answers 404.
/// </summary>
public static class TabEndpoints
{
    /// <summary>Where TeamsJS fetches its current list of Teams hosts (how 21Vianet's teams.microsoftonline.cn is recognised).</summary>
    public const string ValidOriginsHost = "https://res.cdn.office.net";

    public static WebApplication MapDashboardTab(this WebApplication app)
    {
        app.MapGet("/tab", TabAsync);
        app.MapGet(TeamsJsFile.Path, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Bytes(TeamsJsFile.Bytes, "text/javascript; charset=utf-8");
        });
        app.MapPost("/tab/session", SessionAsync);
        return app;
    }

    private static async Task TabAsync(HttpContext http)
    {
        var nonce = DashboardHeaders.NewNonce();
        var t = DashboardEndpoints.Language(http, null);
        http.Response.ContentType = "text/html; charset=utf-8";
        if (!http.RequestServices.GetRequiredService<TabSsoSettings>().Enabled)
        {
            DashboardHeaders.Page(http.Response, nonce);
            await http.Response.WriteAsync(DashboardPage.Refusal(t, "dashboard_no_link", nonce), http.RequestAborted);
            return;
        }
        DashboardHeaders.Page(http.Response, nonce, connectSrc: "'self' " + ValidOriginsHost);
        await http.Response.WriteAsync(TabPage.Render(t, nonce, http.Request.PathBase), http.RequestAborted);
    }

    private static async Task<IResult> SessionAsync(HttpContext http, TabSession session, TabSsoSettings settings)
    {
        http.Response.Headers.CacheControl = "no-store";
        var t = DashboardEndpoints.Language(http, null);
        if (!settings.Enabled) return Results.Json(new JsonObject { ["message"] = TabPage.Sentences(t, "dashboard_no_link", "dashboard_get_link") }, statusCode: StatusCodes.Status404NotFound);
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        var answer = await session.StartAsync(token, t, http.Request.PathBase, http.RequestAborted);
        var body = answer.Url is not null
            ? new JsonObject { ["url"] = answer.Url, ["view"] = answer.View.ToString().ToLowerInvariant() }
            : new JsonObject { ["message"] = answer.Message };
        return Results.Json(body, statusCode: answer.Status);
    }
}
