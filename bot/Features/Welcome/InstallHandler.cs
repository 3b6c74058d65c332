using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Features.Welcome;

/// <summary>
/// Install and uninstall. Teams (and the emulator) send both installationUpdate and conversationUpdate,
/// and re-send them on reload: the welcome goes out once per installation, not once per event.
/// </summary>
public sealed class InstallHandler(ConversationStore conversations, WelcomeHandler welcome)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task OnInstalledAsync(TurnContext turn, ConversationRecord record, CancellationToken ct)
    {
        bool sendWelcome;
        await Gate.WaitAsync(ct);
        try
        {
            var current = conversations.Find(record.Id) ?? record;
            sendWelcome = current.WelcomedAt is null || current.RemovedAt is not null;
            current.InstalledAt ??= turn.ReceivedAt.UtcDateTime;
            current.RemovedAt = null;
            if (sendWelcome) current.WelcomedAt = turn.ReceivedAt.UtcDateTime;
            conversations.Save(current);
        }
        finally
        {
            Gate.Release();
        }
        if (sendWelcome) await welcome.SendAsync(turn, ct);
    }

    public void OnUninstalled(TurnContext turn, ConversationRecord record)
    {
        // Kept (not deleted) so history stays readable; proactive senders skip removed conversations.
        record.RemovedAt = turn.ReceivedAt.UtcDateTime;
        conversations.Save(record);
    }
}
