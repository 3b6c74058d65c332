using System.Collections.Concurrent;
using System.Diagnostics;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Bench.Reminders;

/// <summary>The real messenger, with the duration of every send recorded (rate-limit waits and retries included).</summary>
public sealed class TimedMessenger(IMessenger inner) : IMessenger
{
    public ConcurrentQueue<double> SendMilliseconds { get; } = new();

    public async Task<SendResult> SendAsync(ConversationRef conversation, OutgoingMessage message, string? replyToId = null, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await inner.SendAsync(conversation, message, replyToId, ct);
        }
        finally
        {
            SendMilliseconds.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public Task<SendResult> UpdateAsync(ConversationRef conversation, string activityId, OutgoingMessage message, CancellationToken ct = default) =>
        inner.UpdateAsync(conversation, activityId, message, ct);

    public Task<ConversationRef?> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string userId, CancellationToken ct = default) =>
        inner.CreatePersonalConversationAsync(serviceUrl, tenantId, userId, ct);

    public Task<SendResult> CreateChannelThreadAsync(ConversationRef channel, OutgoingMessage message, CancellationToken ct = default) =>
        inner.CreateChannelThreadAsync(channel, message, ct);

    public Task<MemberInfo?> GetMemberAsync(ConversationRef conversation, string userId, CancellationToken ct = default) =>
        inner.GetMemberAsync(conversation, userId, ct);

    public IAsyncEnumerable<MemberInfo> GetMembersAsync(ConversationRef conversation, int pageSize = 100, CancellationToken ct = default) =>
        inner.GetMembersAsync(conversation, pageSize, ct);
}
