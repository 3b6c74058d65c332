using System.Text.Json.Nodes;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.UploadPage;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Features.Welcome;

/// <summary>The welcome card, sent on install and shown again by its "back" button.</summary>
public sealed class WelcomeHandler(CardTemplates cards, ChatFileReach chatFiles) : ICardActionHandler
{
    public const string ShowVerb = "welcome.show";

    public IEnumerable<string> Verbs => [ShowVerb];

    public Access Access => Access.Anyone;

    public Task SendAsync(TurnContext turn, CancellationToken ct) =>
        turn.Messenger.SendAsync(turn.Conversation, OutgoingMessage.FromCard(Card(turn), Strings.For(turn.Culture)["welcome_title"]), null, ct);

    public Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        if (turn.Kind == TurnKind.CardAction)
        {
            turn.InvokeResult = InvokeResult.Card(Card(turn));
            return Task.CompletedTask;
        }
        return turn.UpdateActedOnAsync(OutgoingMessage.FromCard(Card(turn)), ct);
    }

    public JsonObject Card(TurnContext turn) => cards.Render("welcome", new JsonObject
    {
        ["personal"] = turn.Conversation.Scope == ConversationScope.Personal,
        ["chatFiles"] = chatFiles.ReachesBot,
    }, Strings.For(turn.Culture));
}
