using System.Security.Cryptography;

namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary>
/// Headers on every dashboard answer: nothing cached or passed on as a referrer (the link is the key), a CSP that
/// allows only this origin plus the page's own inline nonce, no MIME sniffing, and framing only by Teams and the
/// Microsoft 365 hosts Microsoft lists for tabs (the page runs as a static tab), including Teams operated by 21Vianet.
/// </summary>
public static class DashboardHeaders
{
    public const string FrameAncestors =
        "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com " +
        "https://*.microsoft365.com https://outlook.office365.com https://teams.microsoftonline.cn https://*.teams.microsoftonline.cn";

    public static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

    /// <summary>
    /// For HTML pages: scripts and styles only with <paramref name="nonce"/>, images only from here, fetches from here
    /// (<paramref name="connectSrc"/>: the sign-in tab adds where TeamsJS reads its list of Teams hosts).
    /// </summary>
    public static void Page(HttpResponse response, string nonce, string connectSrc = "'self'")
    {
        Common(response);
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src 'self'; connect-src {connectSrc}; " +
            $"base-uri 'none'; form-action 'none'; frame-ancestors {FrameAncestors}";
    }

    /// <summary>For served photos: nothing in them may run; kept only in the viewer's own browser cache.</summary>
    public static void Media(HttpResponse response, bool cacheable)
    {
        Common(response);
        // A photo never changes under its id; a private cache spares re-sending it on every refresh of the page.
        response.Headers.CacheControl = cacheable ? "private, max-age=3600" : "no-store";
        response.Headers.ContentSecurityPolicy = $"default-src 'none'; sandbox; frame-ancestors {FrameAncestors}";
    }

    /// <summary>
    /// For a served video opened in its own tab: the browser's player is a document that loads the video from its own
    /// address, so media from here is allowed and the document is not sandboxed (a sandbox gives it an opaque origin, and
    /// the load then fails as cross-origin). Nothing else may load; nosniff keeps it a video.
    /// </summary>
    public static void Video(HttpResponse response)
    {
        Common(response);
        response.Headers.CacheControl = "private, max-age=3600";
        response.Headers.ContentSecurityPolicy = $"default-src 'none'; media-src 'self'; frame-ancestors {FrameAncestors}";
    }

    private static void Common(HttpResponse response)
    {
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }
}
