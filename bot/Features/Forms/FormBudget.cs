using System.Text;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Features.Office;

namespace VocEdWeek.Bot.Features.Forms;

/// <summary>
/// A form shown again "as typed" must still fit in a Teams message (about 28 KB). The card's own maxLength keeps
/// people well inside that; only a crafted request, or a client that ignores maxLength, sends more. Then the longest
/// values are shortened (marked with "…") until the card fits: the field's error still says how long it may be.
/// </summary>
public static class FormBudget
{
    /// <summary>The most of one field the server reads: above every form's own limit (5,000), so "too long" is still reported.</summary>
    public const int MaxFieldChars = 6000;

    public static int WireBytes(JsonNode card) => Encoding.UTF8.GetByteCount(card.ToJsonString(FormJson.Options));

    public static JsonObject Fit(JsonObject values, Func<JsonObject, JsonObject> render)
    {
        var card = render(values);
        for (var i = 0; i < 12; i++)
        {
            var size = WireBytes(card);
            if (size <= CardBudget.CardBytes || Longest(values) is not { } longest) return card;
            var text = longest.GetValue<string>();
            var keep = Math.Max(100, (int)(text.Length * ((double)CardBudget.CardBytes / size)) - 200);
            longest.ReplaceWith(JsonValue.Create(string.Concat(text.AsSpan(0, Math.Min(keep, text.Length - 1)), "…")));
            card = render(values);
        }
        return card;
    }

    /// <summary>The longest text value over 100 characters, in the form or its rows; null when none is that long.</summary>
    private static JsonValue? Longest(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 100 => v,
        JsonObject o => o.Select(p => Longest(p.Value)).Where(v => v is not null).MaxBy(v => v!.GetValue<string>().Length),
        JsonArray a => a.Select(Longest).Where(v => v is not null).MaxBy(v => v!.GetValue<string>().Length),
        _ => null,
    };
}
