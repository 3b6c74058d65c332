using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Features.Exports;

/// <summary>
/// The user's answer to an export's file consent card. The invoke is answered 200 at once; on accept the file is written
/// to the user's upload session in the background, then shown in the chat as a file and the consent card says it was sent.
/// Only the person the file was exported for can receive it.
/// </summary>
public sealed partial class FileConsentHandler(IExportStore store, ExportService exports, IServiceProvider services, ExportJobs jobs, ILogger<FileConsentHandler> logger)
{
    /// <summary>The key of the export id in the consent card's accept and decline contexts.</summary>
    public const string ContextKey = "exportId";

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        // Teams only needs to know the answer arrived; what happened next is told in the chat.
        turn.InvokeResult = InvokeResult.Ok();
        var t = Strings.For(turn.Culture);
        if (turn.FileConsent is not { } answer)
        {
            await turn.Messenger.SendAsync(turn.Conversation, OutgoingMessage.FromText(t["export_consent_unreadable"]), null, ct);
            return;
        }
        var record = store.Find(answer[ContextKey]);
        if (!answer.Accepted)
        {
            if (record is not null) await ReplaceConsentCardAsync(turn, t.Format("export_consent_declined", record.FileName), ct);
            return;
        }
        if (record is null)
        {
            await ReplaceConsentCardAsync(turn, t["export_consent_gone"], ct);
            return;
        }
        if (!string.Equals(record.RequestedByTeamsId, turn.User.Id, StringComparison.Ordinal))
        {
            await ReplaceConsentCardAsync(turn, t["export_consent_not_yours"], ct);
            return;
        }
        var target = answer.Upload!;
        _ = jobs.Run(jobCt => DeliverAsync(turn, record, target, t, jobCt));
    }

    private async Task DeliverAsync(TurnContext turn, ExportRecord record, FileUploadTarget target, Strings t, CancellationToken ct)
    {
        FileUploadResult result;
        await using (var content = await exports.OpenAsync(record, ct))
        {
            if (content is null)
            {
                await ReplaceConsentCardAsync(turn, t["export_consent_gone"], ct);
                return;
            }
            try
            {
                // Resolved here: the protocol layer provides it, and app-only hosts (tests of other features) need not.
                var uploader = services.GetService<IFileUploader>();
                result = uploader is null
                    ? new FileUploadResult(false, null, "no uploader")
                    : await uploader.UploadAsync(target, content, record.Size, ct);
            }
            catch (IOException ex)
            {
                result = new FileUploadResult(false, null, ex.Message);
            }
        }
        if (!result.Uploaded)
        {
            LogUploadFailed(logger, record.Id, result.HttpStatus, result.Error);
            var reason = result.HttpStatus is { } status ? $"HTTP {status}" : result.Error ?? "";
            await ReplaceConsentCardAsync(turn, t.Format("export_consent_failed", record.FileName, reason), ct);
            return;
        }
        var name = target.Name is { Length: > 0 } n ? n : record.FileName;
        var fileType = target.FileType ?? Path.GetExtension(name).TrimStart('.');
        await turn.Messenger.SendAsync(turn.Conversation,
            OutgoingMessage.FromFile(new DeliveredFile(name, target.ContentUrl ?? "", target.UniqueId, fileType)), null, ct);
        await ReplaceConsentCardAsync(turn, t.Format("export_consent_sent", name), ct);
    }

    /// <summary>The consent card (the message the invoke refers to) becomes a line of text; without one, a new message.</summary>
    private static Task ReplaceConsentCardAsync(TurnContext turn, string text, CancellationToken ct) =>
        turn.ReplyToId is { Length: > 0 } id
            ? turn.Messenger.UpdateAsync(turn.Conversation, id, OutgoingMessage.FromText(text), ct)
            : turn.Messenger.SendAsync(turn.Conversation, OutgoingMessage.FromText(text), null, ct);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Export {ExportId}: upload to the consent session failed ({Status}: {Error})")]
    private static partial void LogUploadFailed(ILogger logger, string exportId, int? status, string? error);
}
