using System.Collections.Concurrent;
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
/// <remarks>
/// One model serves a card's every render (it is thread-safe): a list's constant is kept per language and row shape (keys,
/// value kinds, nested list lengths), so a render usually expands only the one-row card per try and the chosen card.
/// </remarks>
public sealed class CardSizeModel(CardTemplates cards, string template, IReadOnlyList<string> lists)
{
    private readonly ConcurrentDictionary<(Strings Texts, string List, string Shape), int> _rowConstant = new();

    public int Estimate(JsonObject data, Strings texts)
    {
        var skeleton = Bytes(Truncated(data, null), texts);
        var size = skeleton;
        foreach (var list in lists)
        {
            if (data[list] is not JsonArray rows || rows.Count < 2) continue;
            var key = (texts, list, Shape(rows[1]));
            if (!_rowConstant.TryGetValue(key, out var constant))
            {
                // Bytes of the second row less its data: the same for every row of this list and shape.
                constant = Bytes(Truncated(data, list), texts) - skeleton - 1 - Json(rows[1]);
                _rowConstant[key] = constant;
            }
            for (var i = 1; i < rows.Count; i++) size += constant + Json(rows[i]) + 1;
        }
        return size;
    }

    // As Teams counts it: UTF-8 JSON with the default encoder (non-ASCII as \uXXXX escapes).
    private int Bytes(JsonObject data, Strings texts) => Encoding.UTF8.GetByteCount(cards.Render(template, data, texts).ToJsonString());

    /// <summary>What a row's constant depends on besides the template: its keys, its values' kinds (an empty text apart), nested lists' lengths.</summary>
    private static string Shape(JsonNode? node)
    {
        var shape = new StringBuilder();
        Add(node);
        return shape.ToString();

        void Add(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    shape.Append('{');
                    foreach (var (key, value) in o) { shape.Append(key).Append(':'); Add(value); shape.Append(','); }
                    shape.Append('}');
                    break;
                case JsonArray a:
                    shape.Append('[');
                    foreach (var item in a) { Add(item); shape.Append(','); }
                    shape.Append(']');
                    break;
                case JsonValue v when v.TryGetValue<string>(out var text):
                    shape.Append(text.Length == 0 ? 'e' : 's');
                    break;
                case JsonValue v when v.TryGetValue<bool>(out var flag):
                    shape.Append(flag ? 'T' : 'F');
                    break;
                case null:
                    shape.Append('0');
                    break;
                default:
                    shape.Append('n');
                    break;
            }
        }
    }

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
