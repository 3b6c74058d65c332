using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>For tests that must not send anything: every call fails the test.</summary>
public sealed class RefusingMessenger : IMessenger
{
    public Task<SendResult> SendAsync(ConversationRef conversation, OutgoingMessage message, string? replyToId = null, CancellationToken ct = default) => throw new InvalidOperationException("unexpected send");
    public Task<SendResult> UpdateAsync(ConversationRef conversation, string activityId, OutgoingMessage message, CancellationToken ct = default) => throw new InvalidOperationException("unexpected update");
    public Task<ConversationRef?> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string userId, CancellationToken ct = default) => throw new InvalidOperationException("unexpected create");
    public Task<MemberInfo?> GetMemberAsync(ConversationRef conversation, string userId, CancellationToken ct = default) => throw new InvalidOperationException("unexpected lookup");
    public Task<SendResult> CreateChannelThreadAsync(ConversationRef channel, OutgoingMessage message, CancellationToken ct = default) => throw new InvalidOperationException("unexpected thread");
    public IAsyncEnumerable<MemberInfo> GetMembersAsync(ConversationRef conversation, int pageSize = 100, CancellationToken ct = default) => throw new InvalidOperationException("unexpected members");
}
