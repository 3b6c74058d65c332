using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Features.Digest;

/// <summary>
/// Lays a digest out as one or more cards, each within <see cref="DigestBudget.CardBytes"/>: the first
/// carries the counts, highlights and media; the missing departments (with their mentions) and the grid
/// rows follow in order and continue on further cards ("第 2/3 部分") when they do not fit.
/// </summary>
public sealed class DigestCards(CardTemplates cards)
{
    /// <summary>A part: which missing lines and grid rows it holds.</summary>
    private sealed record Part(bool First, int MissingFrom, int MissingCount, int RowFrom, int RowCount);

    public IReadOnlyList<JsonObject> Render(DigestModel model) => Parts(model).Select(p => p.Card).ToList();

    public IReadOnlyList<(JsonObject Card, JsonObject Data)> Parts(DigestModel model) => Parts(model, false);

    /// <param name="renderEveryTry">Size every try by expanding it (the cut before <see cref="CardSizeModel"/>): the tests' reference.</param>
    internal IReadOnlyList<(JsonObject Card, JsonObject Data)> Parts(DigestModel model, bool renderEveryTry)
    {
        var parts = new List<Part>();
        int missing = 0, rows = 0;
        do
        {
            var part = renderEveryTry ? Largest(model, parts.Count == 0, missing, rows, d => Rendered(model, d)) : Largest(model, parts.Count == 0, missing, rows);
            parts.Add(part);
            missing += part.MissingCount;
            rows += part.RowCount;
        }
        while (missing < model.Missing.Count || rows < model.Rows.Count);
        return parts.Select((p, i) =>
        {
            var data = Data(model, p, i + 1, parts.Count);
            return (cards.Render("digest", data, Texts(model)), data);
        }).ToList();
    }

    /// <summary>The data's lists that grow with the lines and rows of a part.</summary>
    private static readonly string[] Lists = ["missing", "mentions", "rows"];
    private readonly CardSizeModel _sizes = new(cards, "digest", Lists);

    /// <summary>
    /// The part from here holding as many of the remaining lines and rows as fit (at least one). The search sizes its tries
    /// with <see cref="CardSizeModel"/> (a card with one line and row expanded, the rest added by their bytes); the part it
    /// chooses is expanded and measured, and should the model have been wrong the search runs again, expanding every try.
    /// </summary>
    private Part Largest(DigestModel model, bool first, int missingFrom, int rowFrom)
    {
        var part = Largest(model, first, missingFrom, rowFrom, d => _sizes.Estimate(d, Texts(model)));
        var probe = Probe(model, part);
        return _sizes.Estimate(probe, Texts(model)) == Rendered(model, probe) ? part : Largest(model, first, missingFrom, rowFrom, d => Rendered(model, d));
    }

    private int Rendered(DigestModel model, JsonObject data) => DigestBudget.WireBytes(cards.Render("digest", data, Texts(model)));

    private static Part Largest(DigestModel model, bool first, int missingFrom, int rowFrom, Func<JsonObject, int> size)
    {
        var remaining = model.Missing.Count - missingFrom + model.Rows.Count - rowFrom;
        Part Take(int n)
        {
            var m = Math.Min(n, model.Missing.Count - missingFrom);
            return new Part(first, missingFrom, m, rowFrom, n - m);
        }
        bool Fits(int n) => size(Probe(model, Take(n))) <= DigestBudget.CardBytes;

        if (remaining == 0 || Fits(remaining)) return Take(remaining);
        int lo = 1, hi = remaining - 1; // at least one item per part, so every part makes progress
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (Fits(mid)) lo = mid;
            else hi = mid - 1;
        }
        return Take(lo);
    }

    // A try is sized with the longest "part i/n" the subtitle could have.
    private static JsonObject Probe(DigestModel model, Part part) => Data(model, part, 999, 999);

    private static Strings Texts(DigestModel model) => Strings.For(model.Week.Definition.Locale);

    /// <summary>The template data of a part, without the texts (<c>${t.…}</c>), which are passed apart.</summary>
    private static JsonObject Data(DigestModel model, Part part, int index, int count)
    {
        var t = Texts(model);
        var missing = model.Missing.Skip(part.MissingFrom).Take(part.MissingCount).ToList();
        var rows = model.Rows.Skip(part.RowFrom).Take(part.RowCount).ToList();
        var subtitle = count > 1 ? $"{model.Subtitle} · {t.Format("digest_part", index, count)}" : model.Subtitle;
        return new JsonObject
        {
            ["title"] = model.Title,
            ["subtitle"] = subtitle,
            ["showSummary"] = part.First,
            ["counts"] = new JsonArray(model.Counts.Select(c => (JsonNode)new JsonObject { ["label"] = c.Label, ["value"] = c.Value.ToString(t.Culture), ["color"] = c.Color }).ToArray()),
            ["hasHighlights"] = part.First && model.Highlights.Count > 0,
            ["highlights"] = new JsonArray((part.First ? model.Highlights : []).Select(h => (JsonNode)new JsonObject { ["text"] = h }).ToArray()),
            ["media"] = model.Media,
            ["hasUploads"] = part.First && model.Uploads.Length > 0,
            ["uploads"] = model.Uploads,
            ["hasMissing"] = missing.Count > 0,
            ["missingHeader"] = part.MissingFrom == 0 ? t.Format("digest_missing_header", model.Missing.Count) : t["digest_missing_header_more"],
            ["missing"] = new JsonArray(missing.Select(m => (JsonNode)new JsonObject { ["line"] = m.Line }).ToArray()),
            ["mentions"] = new JsonArray(missing.SelectMany(m => m.Mentions).Select(e => (JsonNode)e.DeepClone()).ToArray()),
            ["hasRows"] = rows.Count > 0,
            ["days"] = new JsonArray(model.DayLabels.Select(d => (JsonNode)new JsonObject { ["label"] = d }).ToArray()),
            ["rows"] = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Name,
                ["cells"] = new JsonArray(r.Cells.Select(c => (JsonNode)new JsonObject { ["s"] = c.Symbol, ["c"] = c.Color }).ToArray()),
            }).ToArray()),
            ["gridNote"] = part.RowFrom + part.RowCount == model.Rows.Count && (rows.Count > 0 || part.First) ? model.GridNote : "",
            ["showRemind"] = part.First && model.Missing.Count > 0,
            ["weekId"] = model.Week.Definition.Id,
            ["itemKey"] = model.Item.Key,
        };
    }
}
