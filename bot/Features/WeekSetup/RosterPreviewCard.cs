using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Features.WeekSetup.RosterImport;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.WeekSetup;

/// <summary>
/// The preview of an imported liaison list: what was found, each problem by row, each change against the week's roster,
/// and "确认导入" — only when the list holds at least one department. Cut to fit Teams' 28 KB, saying how much was left out.
/// </summary>
public sealed class RosterPreviewCard(CardTemplates cards)
{
    public const string Template = "roster-preview";
    private const int MaxLines = 80;

    public JsonObject Render(string importId, RosterPreview preview, string fileName, ActiveWeek week, Strings t)
    {
        var lines = preview.Lines(t);
        var shown = Math.Min(lines.Count, MaxLines);
        while (true)
        {
            var card = cards.Render(Template, Fields(importId, preview, lines, shown, fileName, week, t), t);
            if (shown <= 1 || Digest.DigestBudget.WireBytes(card) <= Digest.DigestBudget.CardBytes) return card;
            shown = shown * 3 / 4;
        }
    }

    /// <summary>The template data with the texts in it (the card samples expand it with the reference engine).</summary>
    public static JsonObject Data(string importId, RosterPreview preview, IReadOnlyList<string> lines, int shown, string fileName, ActiveWeek week, Strings t) =>
        CardTemplates.WithTexts(Fields(importId, preview, lines, shown, fileName, week, t), t);

    // The texts go to the renderer apart: it keeps them converted once per language.
    private static JsonObject Fields(string importId, RosterPreview preview, IReadOnlyList<string> lines, int shown, string fileName, ActiveWeek week, Strings t) => new()
    {
        ["importId"] = importId,
        ["subtitle"] = t.Format("import_subtitle", PlainText.Escape(fileName), week.Definition.Title),
        ["lines"] = new JsonArray(lines.Take(shown).Select(l => (JsonNode)new JsonObject { ["line"] = PlainText.Escape(l) }).ToArray()),
        ["hasMore"] = shown < lines.Count,
        ["more"] = t.Format("import_more", lines.Count - shown),
        ["canApply"] = preview.DepartmentCount > 0,
        ["hint"] = preview.DepartmentCount > 0 ? t["import_hint"] : t["import_nothing"],
    };
}
