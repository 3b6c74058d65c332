using System.Collections.Concurrent;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// An <see cref="IMessenger"/> that records sends and answers from a script: a result per conversation id
/// (else delivered), and which users a 1:1 chat can be opened for.
/// </summary>
public sealed class ScriptedMessenger : IMessenger
{
    private int _next;

    private readonly List<(string ConversationId, TaskCompletionSource Sent)> _waiters = [];

    public ConcurrentQueue<(ConversationRef Conversation, OutgoingMessage Message)> Sent { get; } = new();

    public ConcurrentQueue<(string ServiceUrl, string TenantId, string UserId)> Created { get; } = new();

    /// <summary>Answers for sends to a conversation id, used in order; the last one repeats.</summary>
    public ConcurrentDictionary<string, Queue<SendResult>> Results { get; } = new(StringComparer.Ordinal);

    /// <summary>User ids (Entra or 29:) for which opening a 1:1 chat fails (app not installed).</summary>
    public HashSet<string> CannotOpen { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Answer(string conversationId, params SendResult[] results) => Results[conversationId] = new Queue<SendResult>(results);

    public IReadOnlyList<OutgoingMessage> SentTo(string conversationId) =>
        Sent.Where(s => s.Conversation.ConversationId == conversationId).Select(s => s.Message).ToList();

    /// <summary>Completes when something has been sent to the conversation (already, or later): a signal to await instead of polling.</summary>
    public Task SentToAsync(string conversationId)
    {
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters) _waiters.Add((conversationId, sent));
        Wake();
        return sent.Task;
    }

    private void Record(ConversationRef conversation, OutgoingMessage message)
    {
        Sent.Enqueue((conversation, message));
        Wake();
    }

    private void Wake()
    {
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => SentTo(w.ConversationId).Count > 0).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Sent.TrySetResult();
            }
        }
    }

    public Task<SendResult> SendAsync(ConversationRef conversation, OutgoingMessage message, string? replyToId = null, CancellationToken ct = default)
    {
        if (Results.TryGetValue(conversation.ConversationId, out var queue) && queue.Count > 0)
        {
            var result = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
            if (result.Delivered) Record(conversation, message);
            return Task.FromResult(result);
        }
        Record(conversation, message);
        return Task.FromResult(new SendResult(DeliveryStatus.Delivered, $"m-{Interlocked.Increment(ref _next)}", 201));
    }

    public Task<SendResult> UpdateAsync(ConversationRef conversation, string activityId, OutgoingMessage message, CancellationToken ct = default) =>
        Task.FromResult(new SendResult(DeliveryStatus.Delivered, activityId, 200));

    public Task<ConversationRef?> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string userId, CancellationToken ct = default)
    {
        Created.Enqueue((serviceUrl, tenantId, userId));
        if (CannotOpen.Contains(userId)) return Task.FromResult<ConversationRef?>(null);
        var isObjectId = Guid.TryParse(userId, out _);
        return Task.FromResult<ConversationRef?>(new ConversationRef(serviceUrl, $"a:opened-{userId}", tenantId, null, null, ConversationScope.Personal,
            isObjectId ? null : userId, isObjectId ? userId : null));
    }

    public Task<MemberInfo?> GetMemberAsync(ConversationRef conversation, string userId, CancellationToken ct = default) =>
        Task.FromResult<MemberInfo?>(null);

    public Task<SendResult> CreateChannelThreadAsync(ConversationRef channel, OutgoingMessage message, CancellationToken ct = default) =>
        SendAsync(channel, message, null, ct);

    public IAsyncEnumerable<MemberInfo> GetMembersAsync(ConversationRef conversation, int pageSize = 100, CancellationToken ct = default) =>
        AsyncEnumerable.Empty<MemberInfo>();

    public static SendResult Error(int status, string code, DeliveryStatus delivery = DeliveryStatus.Failed) =>
        new(delivery, null, status, code, $"{code} (scripted)");
}
