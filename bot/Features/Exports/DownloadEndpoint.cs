using System.Net;
using System.Text;
using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Features.Exports;

/// <summary>
/// <c>GET /download/{token}</c>: a locally stored export behind a signed, expiring link. Valid → the file as an attachment
/// with its Chinese name (RFC 5987 <c>filename*</c>); expired → 410; altered, made for something else or unknown → 404.
/// Never cached: the link is the permission.
/// </summary>
public static class DownloadEndpoint
{
    public static IEndpointRouteBuilder MapExportDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/download/{token}", HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(string token, HttpContext http, LinkSigner signer, IExportStore store, ExportService exports, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        var check = signer.Verify(token, ExportLinks.Purpose);
        if (check.Status == LinkStatus.Expired) return Page(StatusCodes.Status410Gone, "export_page_expired");
        if (!check.IsValid || store.Find(check[ExportLinks.Claim]) is not { } record) return Page(StatusCodes.Status404NotFound, "export_page_invalid");
        var content = await exports.OpenAsync(record, ct);
        if (content is null) return Page(StatusCodes.Status410Gone, "export_page_gone");
        http.Response.Headers.ContentDisposition = ContentDisposition(record);
        return Results.Stream(content, ExportFormat.ContentType(record.FileName));
    }

    /// <summary><c>attachment; filename="statistics-2024-wuxi.xlsx"; filename*=UTF-8''2024%E5%B9%B4…</c> (RFC 6266 / 5987).</summary>
    public static string ContentDisposition(ExportRecord record) =>
        $"attachment; filename=\"{ExportFormat.AsciiName(record)}\"; filename*=UTF-8''{Uri.EscapeDataString(record.FileName)}";

    /// <summary>A small page in both languages: whoever opens a link may not have the bot's language at hand.</summary>
    private static IResult Page(int status, string key)
    {
        var zh = Strings.For("zh-CN");
        var en = Strings.For("en-US");
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(zh["export_page_title"])).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#242424}p.en{color:#616161}</style></head><body>")
            .Append("<h1>").Append(WebUtility.HtmlEncode(zh["export_page_title"])).Append("</h1>")
            .Append("<p>").Append(WebUtility.HtmlEncode(zh[key])).Append("</p>")
            .Append("<p class=\"en\" lang=\"en\">").Append(WebUtility.HtmlEncode(en[key])).Append("</p>")
            .Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
