using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.App;

/// <summary>Handles card buttons by verb (Action.Execute verb, or <c>verb</c> in Action.Submit data).</summary>
public interface ICardActionHandler
{
    IEnumerable<string> Verbs { get; }

    Task HandleAsync(TurnContext turn, CancellationToken ct);
}
