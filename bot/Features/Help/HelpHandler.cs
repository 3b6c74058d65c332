using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.UploadPage;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Help;

/// <summary>"帮助" / "help": the list of what the bot does, as a card; also the answer to anything not understood.</summary>
public sealed class HelpHandler(CardTemplates cards, ChatFileReach chatFiles) : ICommandHandler, ICardActionHandler
{
    public const string ShowVerb = "help.show";
    private static readonly string[] CommandKeys = ["help", "plan", "report", "stats", "summary", "mine", "upload", "missing", "status", "dashboard", "files", "export", "recommend", "nominate", "exempt", "channel", "newweek", "import", "settings"];

    public IEnumerable<string> Verbs => [ShowVerb];

    public Access Access => Access.Anyone;

    public bool Matches(CommandText text, TurnContext turn) =>
        text.IsOneOf("help", "帮助", "?", "？", "菜单", "menu", "commands", "命令", "怎么用", "使用说明", "hi", "hello", "你好", "您好");

    public Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct) =>
        turn.ReplyAsync(OutgoingMessage.FromCard(Shared(turn), Strings.For(turn.Culture)["help_title"]), ct);

    public Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        // Action.Execute: the help card replaces the card the button was on.
        if (turn.Kind == TurnKind.CardAction)
        {
            turn.InvokeResult = InvokeResult.Card(Card(turn));
            return Task.CompletedTask;
        }
        return turn.UpdateActedOnAsync(OutgoingMessage.FromCard(Shared(turn)), ct);
    }

    public async Task SendUnknownAsync(TurnContext turn, string original, CancellationToken ct)
    {
        var t = Strings.For(turn.Culture);
        // Echoed in a channel under the bot's name: the typed words as text.
        var shown = PlainText.Escape(original.Length > 40 ? original[..40] + "…" : original);
        await turn.ReplyAsync(new OutgoingMessage { Text = t.Format("unknown_command", shown) }, ct);
        await turn.ReplyAsync(OutgoingMessage.FromCard(Shared(turn)), ct);
    }

    /// <summary>
    /// The card as rendered once per language: it depends on nothing else (the texts, the cloud's file reach), and "help" is
    /// the most frequent message.
    /// </summary>
    private readonly ConcurrentDictionary<string, JsonObject> _rendered = new(StringComparer.Ordinal);

    /// <summary>A card of its own, for an invoke answer: putting it inside that answer gives it a parent.</summary>
    public JsonObject Card(TurnContext turn) => Shared(turn).DeepClone().AsObject();

    /// <summary>
    /// The rendered card itself, for a message: the connector only writes it out and nothing on the way changes a card (the
    /// outbox keeps a copy of its own), so the most frequent answer copies nothing (the copy was a third of what a "help"
    /// allocated, and so of its garbage collections).
    /// </summary>
    private JsonObject Shared(TurnContext turn) => _rendered.GetOrAdd(turn.Culture.Name, _ => Render(turn));

    private JsonObject Render(TurnContext turn)
    {
        var t = Strings.For(turn.Culture);
        var commands = new JsonArray(CommandKeys
            .Select(k => (JsonNode)new JsonObject { ["name"] = t[$"cmd_{k}"], ["description"] = t[$"cmd_{k}_desc"] })
            .ToArray());
        // In the China cloud chat files never arrive: the help says so and points to the upload page.
        var card = cards.Render("help", new JsonObject { ["commands"] = commands, ["chatFiles"] = chatFiles.ReachesBot }, t);
        // Written once here, so every node's lazily built contents exist before threads share it, only reading.
        _ = card.ToJsonString();
        return card;
    }
}
