using System.Text;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Cards;

/// <summary>
/// A card's size on the wire without expanding all its rows. A list row is rendered from one template fragment in which each
/// of the row's values appears once, so a row's bytes are its data's JSON bytes plus a constant of its list (the fragment's
/// own text less the data's keys). The model expands the card with at most one row per list (its header, a "$when" on the
/// list's count and the first row included), measures each list's constant once from a card with a second row, and adds
/// every further row with its comma. Rows whose fragment used a value twice or depended on the row count would make the
/// estimate wrong: the callers (the office cards' budget, the digest's parts) measure the card they finally expand and fall
/// back to expanding every try when it differs.
/// </summary>
public sealed class CardSizeModel(CardTemplates cards, string template, Strings texts, IReadOnlyList<string> lists)
{
    private readonly Dictionary<string, int> _rowConstant = [];

    public int Estimate(JsonObject data)
    {
        var skeleton = Bytes(Truncated(data, null));
        var size = skeleton;
        foreach (var list in lists)
        {
            if (data[list] is not JsonArray rows || rows.Count < 2) continue;
            if (!_rowConstant.TryGetValue(list, out var constant))
            {
                // Bytes of the second row less its data: the same for every row of this list.
                constant = Bytes(Truncated(data, list)) - skeleton - 1 - Json(rows[1]);
                _rowConstant[list] = constant;
            }
            for (var i = 1; i < rows.Count; i++) size += constant + Json(rows[i]) + 1;
        }
        return size;
    }

    // As Teams counts it: UTF-8 JSON with the default encoder (non-ASCII as \\uXXXX escapes).
    private int Bytes(JsonObject data) => Encoding.UTF8.GetByteCount(cards.Render(template, data, texts).ToJsonString());

    private static int Json(JsonNode? node) => node is null ? 4 : Encoding.UTF8.GetByteCount(node.ToJsonString());

    /// <summary>A copy of <paramref name="data"/> with one row per list, two in <paramref name="longer"/>.</summary>
    private JsonObject Truncated(JsonObject data, string? longer)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in data)
        {
            copy[key] = value is JsonArray rows && lists.Contains(key)
                ? new JsonArray(rows.Take(key == longer ? 2 : 1).Select(r => r?.DeepClone()).ToArray())
                : value?.DeepClone();
        }
        return copy;
    }
}
