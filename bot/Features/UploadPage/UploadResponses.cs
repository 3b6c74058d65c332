using System.Security.Cryptography;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Links;

namespace VocEdWeek.Bot.Features.UploadPage;

/// <summary>Headers every upload response carries, and the answers for links that are not (or no longer) valid.</summary>
public static class UploadResponses
{
    public static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Not cached, not framed, no referrer (the path holds the token), no type sniffing; scripts and styles only
    /// with this response's nonce, requests only back to this origin.
    /// </summary>
    public static void Secure(HttpResponse response, string? nonce = null)
    {
        var h = response.Headers;
        h.CacheControl = "no-store";
        h.Pragma = "no-cache";
        h["Referrer-Policy"] = "no-referrer";
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["X-Robots-Tag"] = "noindex, nofollow";
        h.ContentSecurityPolicy = nonce is null
            ? "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
            : $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src 'self' data:; connect-src 'self'; "
              + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /// <summary>
    /// 410 for an expired link, 403 for one whose liaison the week file no longer lists, 404 for anything else: the page
    /// says what to do (ask the bot for a new link, or the office), and nothing more.
    /// </summary>
    public static (int Status, string TitleKey, string TextKey) Refusal(UploadAccess access) => access switch
    {
        { Revoked: true } => (StatusCodes.Status403Forbidden, "upload_revoked_title", "upload_revoked_text"),
        { Status: LinkStatus.Expired } => (StatusCodes.Status410Gone, "upload_expired_title", "upload_expired_text"),
        _ => (StatusCodes.Status404NotFound, "upload_invalid_title", "upload_invalid_text"),
    };

    /// <summary>An invalid link carries no language: the browser's decides.</summary>
    public static Strings Language(UploadAccess access, HttpRequest request) =>
        access.Locale is { } locale ? Strings.For(locale)
        : Strings.For(request.Headers.AcceptLanguage.ToString().TrimStart().StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en-US" : "zh-CN");

    public static async Task JsonAsync(HttpContext ctx, int status, object body)
    {
        ctx.Response.StatusCode = status;
        await ctx.Response.WriteAsJsonAsync(body, ctx.RequestAborted);
    }

    public static Task RefuseJsonAsync(HttpContext ctx, UploadAccess access)
    {
        var (status, _, textKey) = Refusal(access);
        return JsonAsync(ctx, status, new { error = Language(access, ctx.Request)[textKey] });
    }
}
