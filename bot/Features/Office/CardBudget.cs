using System.Text;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Features.Office;

/// <summary>
/// Teams refuses message payloads much above 28 KB, so office cards are measured as they go on the wire (UTF-8 JSON with
/// the default encoder, which writes non-ASCII text as \uXXXX escapes — the larger, safe measure) and lists are cut to fit.
/// </summary>
public static class CardBudget
{
    /// <summary>The hard limit: 28 KB.</summary>
    public const int MaxBytes = 28 * 1024;

    /// <summary>What a card may use, leaving room for the activity around it (ids, conversation, channel data: well under 1 KB).</summary>
    public const int CardBytes = 27 * 1024;

    public static int WireBytes(JsonNode card) => Encoding.UTF8.GetByteCount(card.ToJsonString());

    /// <summary>
    /// Renders <paramref name="template"/> with the data for <paramref name="rows"/> list rows (capped at <paramref name="first"/>),
    /// and with fewer while the card is over budget. A couple of renders at most: each retry scales by the overshoot.
    /// The texts go apart from the data (shared, converted once per language), not copied into every try.
    /// </summary>
    public static RenderedCard Fit(CardTemplates cards, string template, Strings texts, int rows, int first, Func<int, JsonObject> data)
    {
        var n = Math.Min(rows, first);
        while (true)
        {
            var d = data(n);
            var card = cards.Render(template, d, texts);
            var size = WireBytes(card);
            if (size <= CardBytes || n == 0) return new RenderedCard(card, d, size);
            n = Math.Max(0, Math.Min(n - 1, (int)(n * (double)CardBytes / size) - 1));
        }
    }
}

/// <summary>An expanded card, the template data it came from (without the texts, <c>${t.…}</c>), and its size on the wire.</summary>
public sealed record RenderedCard(JsonObject Card, JsonObject Data, int WireBytes);
