using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Files;

/// <summary>
/// Files from someone who is not a liaison, before they are refused: the office's own documents (a liaison list, a
/// notice) that a feature takes instead. True when it took them.
/// </summary>
public interface IOfficeFileHandler
{
    Task<bool> TryTakeAsync(Conversation.TurnContext turn, Member? member, CancellationToken ct);
}
