using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Features.Welcome;

/// <summary>
/// Install and uninstall. Teams (and the emulator) send both installationUpdate and conversationUpdate,
/// and re-send them on reload: the welcome goes out once per installation, not once per event.
/// </summary>
public sealed class InstallHandler(IConversationStore conversations, WelcomeHandler welcome)
{
    public async Task OnInstalledAsync(TurnContext turn, ConversationRecord record, CancellationToken ct)
    {
        if (conversations.MarkInstalled(record, turn.ReceivedAt.UtcDateTime)) await welcome.SendAsync(turn, ct);
    }

    public void OnUninstalled(TurnContext turn, ConversationRecord record)
    {
        // Kept (not deleted) so history stays readable; proactive senders skip removed conversations.
        conversations.MarkRemoved(record, turn.ReceivedAt.UtcDateTime);
    }
}
