namespace VocEdWeek.Bot.Conversation;

/// <summary>The app's entry point for every turn the protocol layer accepted.</summary>
public interface ITurnHandler
{
    Task OnTurnAsync(TurnContext turn, CancellationToken ct);
}
