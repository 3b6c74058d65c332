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
    /// The card for <paramref name="rows"/> list rows (capped at <paramref name="first"/>), with fewer while it is over budget:
    /// the same cut, row for row, as <see cref="FitByRendering"/>, but the tries are sized by <see cref="CardSizeModel"/>
    /// (a card with at most one row per list, plus each further row's measured size) and the whole card is expanded once.
    /// That one expansion is measured too; should the model ever be wrong, the card is fitted the old way.
    /// </summary>
    /// <param name="model">The template's size model, naming the data's lists that grow with the row count.</param>
    public static RenderedCard Fit(CardTemplates cards, string template, Strings texts, int rows, int first,
        CardSizeModel model, Func<int, JsonObject> data)
    {
        var n = Math.Min(rows, first);
        while (true)
        {
            var d = data(n);
            var size = model.Estimate(d, texts);
            if (size <= CardBytes || n == 0)
            {
                var card = cards.Render(template, d, texts);
                var actual = WireBytes(card);
                return actual == size ? new RenderedCard(card, d, actual) : FitByRendering(cards, template, texts, rows, first, data);
            }
            n = Next(n, size);
        }
    }

    /// <summary>
    /// Renders the card with the data for <paramref name="rows"/> list rows (capped at <paramref name="first"/>), and with
    /// fewer while the card is over budget, expanding and measuring every try. The reference for <see cref="Fit"/>.
    /// </summary>
    public static RenderedCard FitByRendering(CardTemplates cards, string template, Strings texts, int rows, int first, Func<int, JsonObject> data)
    {
        var n = Math.Min(rows, first);
        while (true)
        {
            var d = data(n);
            var card = cards.Render(template, d, texts);
            var size = WireBytes(card);
            if (size <= CardBytes || n == 0) return new RenderedCard(card, d, size);
            n = Next(n, size);
        }
    }

    // Each retry scales by the overshoot, so a couple of tries at most.
    private static int Next(int n, int size) => Math.Max(0, Math.Min(n - 1, (int)(n * (double)CardBytes / size) - 1));
}

/// <summary>An expanded card, the template data it came from (without the texts, <c>${t.…}</c>), and its size on the wire.</summary>
public sealed record RenderedCard(JsonObject Card, JsonObject Data, int WireBytes);
