using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.UploadPage;

/// <summary>
/// The upload page and its error pages: one self-contained HTML document each (inline CSS and script, allowed
/// by a per-response nonce; nothing fetched from elsewhere). Texts are HTML-encoded; the script's data is JSON.
/// </summary>
public static class UploadPageHtml
{
    // Encodes markup characters only: Chinese text stays readable in the page source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly string PageTemplate = Load("upload-page.html");
    private static readonly string MessageTemplate = Load("upload-message.html");

    public static string Page(UploadTarget target, FileIntakeOptions options, string nonce)
    {
        var t = target.T;
        var calendar = target.Week.Calendar;
        var maxText = UploadSizes.Format(options.MaxBytes);
        var allowed = options.AllowedExtensions.Select(e => e.ToLowerInvariant()).Distinct().ToArray();
        var data = new
        {
            // Relative to /upload/{token}: keeps working behind a reverse proxy with a path prefix.
            filesUrl = target.Token + "/files",
            doneUrl = target.Token + "/done",
            maxBytes = options.MaxBytes,
            allowed,
            t = new
            {
                waiting = t["upload_page_waiting"],
                sending = t["upload_page_sending"],
                stored = t["upload_page_stored"],
                refused = t["upload_page_refused"],
                network = t["upload_page_network"],
                skipped = t["upload_page_skipped"],
                done = t["upload_page_done"],
                none = t["upload_page_none"],
                // "{0}" stays a placeholder for the file name; the limit is filled in here.
                reasonType = t.Format("files_reason_type", "{0}"),
                reasonSize = t.Format("files_reason_size", "{0}", options.MaxBytes / (1024 * 1024)),
            },
        };
        return Fill(PageTemplate, nonce, new Dictionary<string, string>
        {
            ["lang"] = t.Culture.Name,
            ["title"] = t["upload_page_title"],
            ["target"] = target.Describe(),
            ["from"] = t.Format("upload_page_from", target.Grant.FromName),
            ["expires"] = t.Format("upload_page_expires", WeekTime.DateTime(target.ExpiresAt, calendar, t)),
            ["pick"] = t["upload_page_pick"],
            // image/* and video/* make phones offer the gallery and camera; the extensions cover documents.
            ["accept"] = string.Join(',', new[] { "image/*", "video/*" }.Concat(allowed)),
            ["hint"] = t.Format("upload_page_hint", maxText),
            ["private"] = t["upload_page_private"],
        }, JsonSerializer.Serialize(data));
    }

    public static string Message(Strings t, string titleKey, string textKey, string nonce) =>
        Fill(MessageTemplate, nonce, new Dictionary<string, string>
        {
            ["lang"] = t.Culture.Name,
            ["title"] = t[titleKey],
            ["text"] = t[textKey],
        }, null);

    private static string Fill(string template, string nonce, Dictionary<string, string> texts, string? json)
    {
        var html = template.Replace("{{nonce}}", nonce, StringComparison.Ordinal);
        foreach (var (key, value) in texts) html = html.Replace("{{" + key + "}}", Encoder.Encode(value), StringComparison.Ordinal);
        // System.Text.Json escapes <, > and & by default, so the data cannot close its script element.
        if (json is not null) html = html.Replace("{{data}}", json, StringComparison.Ordinal);
        return html;
    }

    private static string Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("VocEdWeek.Bot.Features.UploadPage." + name)
            ?? throw new InvalidOperationException($"Embedded page {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
