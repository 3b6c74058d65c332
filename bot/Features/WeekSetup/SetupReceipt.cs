using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Features.WeekSetup;

/// <summary>What a setup card turns into once confirmed or cancelled: a headline and a few lines, in place of the card.</summary>
public sealed class SetupReceipt(CardTemplates cards)
{
    public const string Template = "setup-receipt";

    public Task ShowAsync(TurnContext turn, string title, IEnumerable<string> lines, bool good, CancellationToken ct) =>
        Reply.CardAsync(turn, Render(title, lines, good), title, ct);

    public JsonObject Render(string title, IEnumerable<string> lines, bool good) => cards.Render(Template, Data(title, lines, good));

    public static JsonObject Data(string title, IEnumerable<string> lines, bool good) => new()
    {
        ["title"] = title,
        ["color"] = good ? "Good" : "Default",
        ["lines"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject { ["line"] = l }).ToArray()),
    };
}
