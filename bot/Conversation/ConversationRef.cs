namespace VocEdWeek.Bot.Conversation;

/// <summary>
/// Where a proactive message can go. Field names follow the Bot Framework's ConversationReference
/// so stored documents survive a swap of the protocol layer.
/// </summary>
public sealed record ConversationRef(
    string ServiceUrl,
    string ConversationId,
    string? TenantId,
    string? BotId,
    string? BotName,
    ConversationScope Scope,
    string? UserId = null,
    string? UserAadObjectId = null,
    string? TeamId = null,
    string? ChannelId = null);

public enum ConversationScope
{
    Personal,
    GroupChat,
    Channel,
}
