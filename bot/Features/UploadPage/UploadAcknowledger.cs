using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.UploadPage;

/// <summary>
/// One message in the liaison's chat for the files of a page run, worded like a chat-file acknowledgement: when the page
/// says it is done (POST /upload/{token}/done), or — for a page closed before that — once the batch has been quiet for
/// <see cref="UploadPageOptions.AcknowledgeAfter"/>. <see cref="IUploadAcknowledgementStore"/> keeps how many of the batch's
/// files were acknowledged, and is updated (atomically, across instances) before sending: every file is acknowledged once, a repeated or replayed call sends nothing, and a file that
/// arrives after a quiet-time acknowledgement gets its own at the end.
/// </summary>
public sealed partial class UploadAcknowledger(
    UploadLinks links, IMediaStore media, IConversationStore conversations, IMessenger messenger, WeekCatalog weeks, IUploadAcknowledgementStore sent,
    TimeProvider time, ILogger<UploadAcknowledger> log)
{
    /// <summary>Batch ids of the upload page start with this (see <see cref="UploadTarget.BatchId"/>).</summary>
    public const string BatchPrefix = "upload|";

    public async Task DoneAsync(HttpContext ctx, string token)
    {
        UploadResponses.Secure(ctx.Response);
        var access = links.Open(token);
        if (access.Target is not { } target)
        {
            await UploadResponses.RefuseJsonAsync(ctx, access);
            return;
        }
        if (UploadReceiver.Session(ctx.Request) is not { } session)
        {
            await UploadResponses.JsonAsync(ctx, StatusCodes.Status400BadRequest, new { error = target.T["upload_reason_name"] });
            return;
        }
        // Not tied to the request: the page may be closed as soon as it has asked.
        var sent = await AcknowledgeAsync(target.BatchId(session), CancellationToken.None);
        await UploadResponses.JsonAsync(ctx, StatusCodes.Status200OK, new { sent });
    }

    /// <summary>Acknowledges the batch's files not acknowledged yet; true when a message went out.</summary>
    public async Task<bool> AcknowledgeAsync(string batchId, CancellationToken ct)
    {
        if (Claim(batchId) is not { Count: > 0 } files) return false;
        var first = files[0];
        if (conversations.Find(first.ConversationId ?? "") is not { } conversation) return false;
        var text = Strings.For(first.Locale).Format("upload_ack", FileIntakeWorker.AcknowledgementText(files, weeks));
        try
        {
            var result = await messenger.SendAsync(conversation.ToRef(), OutgoingMessage.FromText(text), null, ct);
            return result.Status == DeliveryStatus.Delivered;
        }
        catch (HttpRequestException ex)
        {
            LogSendFailed(log, batchId, ex.Message);
            return false;
        }
    }

    /// <summary>Acknowledges page runs quiet since <paramref name="now"/> minus <paramref name="quietFor"/> (looking a day back); returns how many.</summary>
    public async Task<int> AcknowledgeQuietAsync(DateTimeOffset now, TimeSpan quietFor, CancellationToken ct)
    {
        var count = 0;
        foreach (var batchId in media.BatchesSince(BatchPrefix, (now - TimeSpan.FromDays(1)).UtcDateTime))
        {
            var last = media.Batch(batchId).Max(r => r.ReceivedAt);
            if (now.UtcDateTime - last < quietFor) continue;
            if (await AcknowledgeAsync(batchId, ct)) count++;
        }
        return count;
    }

    /// <summary>The batch's stored files not acknowledged yet, now marked as acknowledged.</summary>
    private List<MediaRecord> Claim(string batchId)
    {
        var stored = media.Batch(batchId).Where(r => r.State == MediaState.Stored).ToList();
        if (stored.Count == 0) return stored;
        return stored.Skip(sent.Acknowledge(batchId, stored.Count, time.GetUtcNow().UtcDateTime)).ToList();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload acknowledgement for {Batch} not sent: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string batch, string reason);
}
