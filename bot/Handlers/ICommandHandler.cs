using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Handlers;

/// <summary>A typed command. Handlers are tried in the order of <see cref="Routes.Commands"/>; the first match wins.</summary>
public interface ICommandHandler
{
    /// <summary>Who may run it; <see cref="AccessGate"/> refuses everyone else before <see cref="HandleAsync"/>.</summary>
    Access Access { get; }

    bool Matches(CommandText text, TurnContext turn);

    Task HandleAsync(TurnContext turn, CommandText text, CancellationToken ct);
}
