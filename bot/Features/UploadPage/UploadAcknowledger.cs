using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.UploadPage;

/// <summary>
/// POST /upload/{token}/done: one message in the liaison's chat for the files of a page run, worded like a
/// chat-file acknowledgement. Marked in LiteDB before sending, so a repeated or replayed call sends nothing.
/// </summary>
public sealed partial class UploadAcknowledger(
    UploadLinks links, MediaStore media, ConversationStore conversations, IMessenger messenger, WeekCatalog weeks, BotDatabase db,
    TimeProvider time, ILogger<UploadAcknowledger> log)
{
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
        var batchId = target.BatchId(session);
        var stored = media.Batch(batchId).Where(r => r.State == MediaState.Stored).ToList();
        if (stored.Count == 0 || !Claim(batchId))
        {
            await UploadResponses.JsonAsync(ctx, StatusCodes.Status200OK, new { sent = false });
            return;
        }
        var sent = false;
        if (conversations.Find(target.Grant.ConversationId) is { } conversation)
        {
            var text = target.T.Format("upload_ack", FileIntakeWorker.AcknowledgementText(stored, weeks));
            try
            {
                // Not tied to the request: the page may be closed as soon as it has asked.
                var result = await messenger.SendAsync(ConversationStore.ToRef(conversation), OutgoingMessage.FromText(text), null, CancellationToken.None);
                sent = result.Status == DeliveryStatus.Delivered;
            }
            catch (HttpRequestException ex)
            {
                LogSendFailed(log, batchId, ex.Message);
            }
        }
        await UploadResponses.JsonAsync(ctx, StatusCodes.Status200OK, new { sent });
    }

    /// <summary>True the first time only for a batch.</summary>
    private bool Claim(string batchId)
    {
        lock (Gate)
        {
            if (_sent.FindById(batchId) is not null) return false;
            _sent.Insert(new UploadAcknowledgement { Id = batchId, At = time.GetUtcNow().UtcDateTime });
            return true;
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
}
