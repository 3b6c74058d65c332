using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Handlers;

/// <summary>Handles card buttons by verb (Action.Execute verb, or <c>verb</c> in Action.Submit data).</summary>
public interface ICardActionHandler
{
    IEnumerable<string> Verbs { get; }

    /// <summary>Who may press it; <see cref="AccessGate"/> refuses everyone else before <see cref="HandleAsync"/>.</summary>
    Access Access { get; }

    Task HandleAsync(TurnContext turn, CancellationToken ct);
}
