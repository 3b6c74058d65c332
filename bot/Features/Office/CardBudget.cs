using System.Text;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Features.Office;

/// <summary>
/// Teams refuses message payloads much above 28 KB, so office cards are measured as they go on the wire (UTF-8 JSON with
/// the default encoder, which writes non-ASCII text as \uXXXX escapes — the larger, safe measure) and lists are cut to fit.
/// </summary>
public static class CardBudget
{
    /// <summary>The hard limit: 28 KB.</summary>
    public const int MaxBytes = 28 * 1024;

    /// <summary>What a card may use, leaving room for the activity around it.</summary>
    public const int CardBytes = 26 * 1024;

    public static int WireBytes(JsonNode card) => Encoding.UTF8.GetByteCount(card.ToJsonString());

    /// <summary>
    /// Renders with <paramref name="rows"/> list rows (capped at <paramref name="first"/>), and with fewer while the card is
    /// over budget; returns the card and the rows it holds. A couple of renders at most: each retry scales by the overshoot.
    /// </summary>
    public static (JsonObject Card, int Rows) Fit(int rows, int first, Func<int, JsonObject> render)
    {
        var n = Math.Min(rows, first);
        while (true)
        {
            var card = render(n);
            var size = WireBytes(card);
            if (size <= CardBytes || n == 0) return (card, n);
            n = Math.Max(0, Math.Min(n - 1, (int)(n * (double)CardBytes / size) - 1));
        }
    }
}
