using System.Collections.Concurrent;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Protocol.Inbound;

/// <summary>
/// Tells a flooded conversation "请稍后再发" without holding up the HTTP answer that refused the message: the
/// notice is sent in the background, paced like any other send, and dropped if it cannot go out within
/// <see cref="InboundOptions.NoticeEvery"/> (by then the next notice would be due anyway).
/// </summary>
public sealed class SlowDownNotices(IMessenger messenger, InboundOptions options, TimeProvider time, ILogger<SlowDownNotices> logger)
{
    private readonly ConcurrentDictionary<Task, byte> pending = new();

    public void Send(Activity activity)
    {
        var english = ActivityLocale.Resolve(activity) == ActivityLocale.English;
        var message = OutgoingMessage.FromText(english
            ? "Too many messages at once. Please slow down: I will answer again in a minute."
            : "消息太多太快，请稍后再发（一分钟后我会继续回答）。") with { NotAfter = time.GetUtcNow() + options.NoticeEvery };
        var sending = SendAsync(ActivityMapper.ReferenceOf(activity), message, activity.Id);
        pending.TryAdd(sending, 0);
        sending.ContinueWith(t => pending.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when every notice sent so far was delivered or dropped.</summary>
    internal Task IdleAsync() => Task.WhenAll(pending.Keys);

    private async Task SendAsync(ConversationRef conversation, OutgoingMessage message, string? replyToId)
    {
        try
        {
            var result = await messenger.SendAsync(conversation, message, replyToId);
            if (!result.Delivered) InboundLog.NoticeNotSent(logger, result.Status.ToString(), result.ErrorCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or ArgumentException)
        {
            // A notice is a courtesy: its failure must never surface anywhere.
            InboundLog.NoticeNotSent(logger, "Failed", ex.GetType().Name);
        }
    }
}
