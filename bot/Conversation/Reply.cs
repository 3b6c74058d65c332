using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Conversation;

/// <summary>
/// Answers in the way the turn allows: Action.Execute gets the card in the invoke response (it replaces
/// the card in place), Action.Submit updates the card message, a typed command gets a new message. Every feature
/// answers a turn through here, forms or not.
/// </summary>
public static class Reply
{
    public static Task CardAsync(TurnContext turn, JsonObject card, string? summary, CancellationToken ct)
    {
        switch (turn.Kind)
        {
            case TurnKind.CardAction:
                turn.InvokeResult = InvokeResult.Card(card);
                return Task.CompletedTask;
            case TurnKind.CardSubmit:
                return turn.UpdateActedOnAsync(OutgoingMessage.FromCard(card, summary), ct);
            default:
                return turn.ReplyAsync(OutgoingMessage.FromCard(card, summary), ct);
        }
    }

    /// <summary>A short answer: a message in the card's place for Action.Execute, else a chat message.</summary>
    public static Task TextAsync(TurnContext turn, string text, CancellationToken ct)
    {
        if (turn.Kind == TurnKind.CardAction)
        {
            turn.InvokeResult = InvokeResult.Message(text);
            return Task.CompletedTask;
        }
        return turn.ReplyAsync(text, ct);
    }
}
