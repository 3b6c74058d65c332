namespace VocEdWeek.Bot.Conversation;

/// <summary>Outbound messaging as the app sees it. The protocol layer implements it.</summary>
public interface IMessenger
{
    /// <summary>Sends to a conversation; with <paramref name="replyToId"/> it replies in context.</summary>
    Task<SendResult> SendAsync(ConversationRef conversation, OutgoingMessage message, string? replyToId = null, CancellationToken ct = default);

    /// <summary>Replaces an earlier bot message (e.g. a submitted card turned into a receipt).</summary>
    Task<SendResult> UpdateAsync(ConversationRef conversation, string activityId, OutgoingMessage message, CancellationToken ct = default);

    /// <summary>Opens (or finds) the 1:1 chat with a user: needs tenant + Teams user id or Entra object id.</summary>
    Task<ConversationRef?> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string userId, CancellationToken ct = default);

    /// <summary>
    /// Starts a new thread in a Teams channel with <paramref name="message"/> as its first post. On success
    /// <see cref="SendResult.ConversationId"/> is the thread (<c>19:…;messageid=…</c>; reply there with
    /// <see cref="SendAsync"/>) and <see cref="SendResult.ActivityId"/> the first post.
    /// </summary>
    Task<SendResult> CreateChannelThreadAsync(ConversationRef channel, OutgoingMessage message, CancellationToken ct = default);

    /// <summary>Looks up one member of a conversation (email / UPN), or null when unknown or unreachable.</summary>
    Task<MemberInfo?> GetMemberAsync(ConversationRef conversation, string userId, CancellationToken ct = default);

    /// <summary>
    /// Every member of a conversation or team, page by page. Throws <see cref="HttpRequestException"/>
    /// when a page cannot be read, so a partial list is never mistaken for the whole.
    /// </summary>
    IAsyncEnumerable<MemberInfo> GetMembersAsync(ConversationRef conversation, int pageSize = 100, CancellationToken ct = default);
}

public sealed record MemberInfo(string Id, string? AadObjectId, string? Name, string? Email, string? UserPrincipalName);
