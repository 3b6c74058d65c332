using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Exports;

/// <summary>
/// The answer to an export: per file its title, name, generation time (Beijing), size, where it is kept, a link, and in a
/// personal chat a "send to chat" button (file consent). Files that could not be built are listed, never silently left out.
/// </summary>
public sealed class ExportCard(CardTemplates cards, ExportLinks links)
{
    public const string Template = "export";
    public const string SendVerb = "export.send";

    public JsonObject Render(ActiveWeek week, IReadOnlyList<ExportRecord> records, IReadOnlyList<string> failed, bool personal, Strings t) =>
        cards.Render(Template, Fields(week, records, failed, personal, t), t);

    /// <summary>The template data with the texts in it (the card samples expand it with the reference engine).</summary>
    public JsonObject Data(ActiveWeek week, IReadOnlyList<ExportRecord> records, IReadOnlyList<string> failed, bool personal, Strings t) =>
        CardTemplates.WithTexts(Fields(week, records, failed, personal, t), t);

    // The texts go to the renderer apart: it keeps them converted once per language.
    private JsonObject Fields(ActiveWeek week, IReadOnlyList<ExportRecord> records, IReadOnlyList<string> failed, bool personal, Strings t)
    {
        var files = new JsonArray();
        DateTimeOffset? until = null;
        foreach (var record in records)
        {
            var link = links.For(record);
            if (link.ExpiresAt is { } e) until = e;
            var sharePoint = record.Storage == ExportStorage.SharePoint;
            files.Add(new JsonObject
            {
                ["exportId"] = record.Id,
                ["title"] = ExportFormat.Title(record.Kind, t),
                ["fileName"] = record.FileName,
                ["generated"] = ExportFormat.Generated(new DateTimeOffset(DateTime.SpecifyKind(record.CreatedAt, DateTimeKind.Utc)), week.Calendar, t),
                ["size"] = ExportFormat.Size(record.Size),
                ["place"] = sharePoint ? t["export_place_sharepoint"] : t["export_place_local"],
                ["url"] = link.Url,
                ["openTitle"] = sharePoint ? t["export_open_sharepoint"] : t["export_download"],
                ["canSend"] = personal,
            });
        }
        var footer = new List<string>();
        if (until is { } u)
            footer.Add(t.Format("export_footer_local", ExportFormat.Lifetime(links.Lifetime, t), ExportFormat.Generated(u, week.Calendar, t, withZone: false)));
        if (records.Any(r => r.Storage == ExportStorage.SharePoint)) footer.Add(t["export_footer_sharepoint"]);
        return new JsonObject
        {
            ["title"] = t["export_card_title"],
            ["week"] = week.Definition.Title,
            ["note"] = records.Any(r => r.FellBackToLocal) ? t["export_fell_back"] : "",
            ["files"] = files,
            ["failed"] = new JsonArray(failed.Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()),
            ["footer"] = string.Join(" ", footer),
        };
    }
}
