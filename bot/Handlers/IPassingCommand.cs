using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Handlers;

/// <summary>
/// A command that shares its words with later rows of <see cref="Routes.Commands"/> and lets the sender decide: "日报" is an
/// office question from staff and the form from a liaison. The router finds the next row that takes the words and hands
/// it over, so no handler looks up other handlers.
/// </summary>
public interface IPassingCommand : ICommandHandler
{
    /// <summary>Handles the turn, or runs <paramref name="next"/> (through the gate) when the sender is not this command's.</summary>
    Task HandleAsync(TurnContext turn, CommandText text, ICommandHandler? next, CancellationToken ct);
}
