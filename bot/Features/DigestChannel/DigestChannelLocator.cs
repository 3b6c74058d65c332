using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Features.DigestChannel;

/// <summary>
/// Finds the office's digest channel: the one office staff bound from Teams, else <c>Office:DigestChannelId</c>. The binding
/// wins because it is the later, deliberate act of the office; "恢复通知频道" back past the first binding returns to the configuration.
/// </summary>
public sealed class DigestChannelLocator(ISettingsStore settings, IConversationStore conversations, IConfiguration configuration)
{
    public ConversationRef? Find()
    {
        var id = settings.Get(DigestChannelHandler.SettingKey) ?? configuration["Office:DigestChannelId"];
        if (string.IsNullOrEmpty(id)) return null;
        var record = conversations.Find(id);
        return record is null || record.RemovedAt is not null ? null : record.ToRef();
    }
}
