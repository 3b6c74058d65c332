using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>An <see cref="IMessenger"/> that records what the app sends and updates, and knows no members.</summary>
public sealed class RecordingMessenger : IMessenger
{
    private readonly Lock _gate = new();
    private int _next;

    public List<(ConversationRef Conversation, OutgoingMessage Message, string? ReplyToId, string ActivityId)> Sent { get; } = [];

    public List<(ConversationRef Conversation, string ActivityId, OutgoingMessage Message)> Updated { get; } = [];

    public Task<SendResult> SendAsync(ConversationRef conversation, OutgoingMessage message, string? replyToId = null, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var id = $"sent-{++_next}";
            Sent.Add((conversation, message, replyToId, id));
            return Task.FromResult(new SendResult(DeliveryStatus.Delivered, id));
        }
    }

    public Task<SendResult> UpdateAsync(ConversationRef conversation, string activityId, OutgoingMessage message, CancellationToken ct = default)
    {
        lock (_gate)
        {
            Updated.Add((conversation, activityId, message));
            return Task.FromResult(new SendResult(DeliveryStatus.Delivered, activityId));
        }
    }

    public Task<ConversationRef?> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string userId, CancellationToken ct = default) =>
        Task.FromResult<ConversationRef?>(null);

    public Task<MemberInfo?> GetMemberAsync(ConversationRef conversation, string userId, CancellationToken ct = default) =>
        Task.FromResult<MemberInfo?>(null);

    public Task<SendResult> CreateChannelThreadAsync(ConversationRef channel, OutgoingMessage message, CancellationToken ct = default) =>
        SendAsync(channel, message, null, ct);

    public IAsyncEnumerable<MemberInfo> GetMembersAsync(ConversationRef conversation, int pageSize = 100, CancellationToken ct = default) =>
        AsyncEnumerable.Empty<MemberInfo>();
}
