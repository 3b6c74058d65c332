namespace VocEdWeek.Bot.Conversation;

/// <summary>A stored conversation reference, refreshed on every activity, so proactive sends survive restarts.</summary>
public sealed class ConversationRecord
{
    public string Id { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string? TenantId { get; set; }
    public string? BotId { get; set; }
    public string? BotName { get; set; }
    public string Scope { get; set; } = "Personal";
    public string? UserId { get; set; }
    public string? UserAadObjectId { get; set; }
    public string? UserName { get; set; }
    public string? TeamId { get; set; }
    public string? ChannelId { get; set; }
    public string? Locale { get; set; }
    public DateTime? InstalledAt { get; set; }
    public DateTime? RemovedAt { get; set; }
    public DateTime? WelcomedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Where a proactive message to this conversation goes.</summary>
    public ConversationRef ToRef() => new(
        ServiceUrl, Id, TenantId, BotId, BotName, Enum.Parse<ConversationScope>(Scope), UserId, UserAadObjectId, TeamId, ChannelId);

    public ConversationRecord Copy() => (ConversationRecord)MemberwiseClone();
}
