using System.Text.Json.Nodes;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Bench.Office;

/// <summary>Keeps only the last card sent; nothing goes over the network.</summary>
public sealed class NullMessenger : IMessenger
{
    public JsonObject? LastCard { get; private set; }

    public Task<SendResult> SendAsync(ConversationRef conversation, OutgoingMessage message, string? replyToId = null, CancellationToken ct = default)
    {
        if (message.Cards.Count > 0) LastCard = message.Cards[^1];
        return Task.FromResult(new SendResult(DeliveryStatus.Delivered, "1"));
    }

    public Task<SendResult> UpdateAsync(ConversationRef conversation, string activityId, OutgoingMessage message, CancellationToken ct = default) =>
        SendAsync(conversation, message, null, ct);

    public Task<ConversationRef?> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string userId, CancellationToken ct = default) =>
        Task.FromResult<ConversationRef?>(null);

    public Task<SendResult> CreateChannelThreadAsync(ConversationRef channel, OutgoingMessage message, CancellationToken ct = default) =>
        SendAsync(channel, message, null, ct);

    public Task<MemberInfo?> GetMemberAsync(ConversationRef conversation, string userId, CancellationToken ct = default) =>
        Task.FromResult<MemberInfo?>(null);

    public async IAsyncEnumerable<MemberInfo> GetMembersAsync(ConversationRef conversation, int pageSize = 100,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await Task.CompletedTask;
        yield break;
    }
}

/// <summary>The clock stands still at the benchmark's instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}

/// <summary>No files in this benchmark.</summary>
public sealed class NoDownloads : IFileDownloader
{
    public Task<FileDownload> OpenAsync(IncomingFile file, CancellationToken ct) => throw new FileDownloadException("No downloads in the benchmark.", 404);
}
