using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.App;

/// <summary>Every turn: refresh the stored reference, then route by kind.</summary>
public sealed class BotTurnHandler(ConversationStore conversations) : ITurnHandler
{
    public async Task OnTurnAsync(TurnContext turn, CancellationToken ct)
    {
        conversations.Touch(turn);
        if (turn.Kind == TurnKind.Message)
        {
            await turn.ReplyAsync($"echo: {turn.Text}", ct);
        }
    }
}
