using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.UploadPage;

/// <summary>
/// One message in the liaison's chat for the files of a page run, worded like a chat-file acknowledgement: when the page
/// says it is done (POST /upload/{token}/done), or — for a page closed before that — once the batch has been quiet for
/// <see cref="UploadPageOptions.AcknowledgeAfter"/>. LiteDB keeps how many of the batch's files were acknowledged, and
/// is updated before sending: every file is acknowledged once, a repeated or replayed call sends nothing, and a file that
/// arrives after a quiet-time acknowledgement gets its own at the end.
/// </summary>
public sealed partial class UploadAcknowledger(
    UploadLinks links, IMediaStore media, ConversationStore conversations, IMessenger messenger, WeekCatalog weeks, BotDatabase db,
    TimeProvider time, ILogger<UploadAcknowledger> log)
{
    /// <summary>Batch ids of the upload page start with this (see <see cref="UploadTarget.BatchId"/>).</summary>
    public const string BatchPrefix = "upload|";

    private static readonly Lock Gate = new();
    private readonly LiteDB.ILiteCollection<UploadAcknowledgement> _sent = db.Collection<UploadAcknowledgement>("upload_acknowledgements");

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
            var result = await messenger.SendAsync(ConversationStore.ToRef(conversation), OutgoingMessage.FromText(text), null, ct);
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
        lock (Gate)
        {
            var stored = media.Batch(batchId).Where(r => r.State == MediaState.Stored).ToList();
            // An entry without a count comes from before counts were kept: it acknowledged all of the batch.
            var done = _sent.FindById(batchId) switch { null => 0, { Count: 0 } => stored.Count, var e => e.Count };
            var fresh = stored.Skip(done).ToList();
            if (fresh.Count > 0) _sent.Upsert(new UploadAcknowledgement { Id = batchId, At = time.GetUtcNow().UtcDateTime, Count = stored.Count });
            return fresh;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload acknowledgement for {Batch} not sent: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string batch, string reason);
}

/// <summary>A page run whose chat acknowledgement has gone out.</summary>
public sealed class UploadAcknowledgement
{
    public string Id { get; set; } = "";
    public DateTime At { get; set; }

    /// <summary>How many of the batch's files (in arrival order) have been acknowledged.</summary>
    public int Count { get; set; }
}
