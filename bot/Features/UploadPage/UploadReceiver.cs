using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.UploadPage;

/// <summary>
/// POST /upload/{token}/files: one file as the raw body, its name in X-File-Name (percent-encoded). Streamed
/// into the file store (never held in memory), then recorded through <see cref="MediaArrival"/> before the
/// page gets its answer. Type, size and content (<see cref="ContentSniffer"/>) are refused with the same reasons as chat files.
/// </summary>
public sealed partial class UploadReceiver(
    UploadLinks links, IFileStore store, MediaArrival arrival, WeekCatalog weeks, FileIntakeOptions options, TimeProvider time,
    ILogger<UploadReceiver> log)
{
    public const string NameHeader = "X-File-Name";
    public const string BatchHeader = "X-Upload-Batch";

    public async Task ReceiveAsync(HttpContext ctx, string token)
    {
        UploadResponses.Secure(ctx.Response);
        var access = links.Open(token);
        if (access.Target is not { } target)
        {
            await UploadResponses.RefuseJsonAsync(ctx, access);
            return;
        }
        var t = target.T;
        var name = Uri.UnescapeDataString(ctx.Request.Headers[NameHeader].ToString()).Trim();
        if (name.Length is 0 or > 255 || Session(ctx.Request) is not { } session)
        {
            await UploadResponses.JsonAsync(ctx, StatusCodes.Status400BadRequest, new { error = t["upload_reason_name"] });
            return;
        }
        if (!options.IsAllowed(name))
        {
            await UploadResponses.JsonAsync(ctx, StatusCodes.Status415UnsupportedMediaType, new { error = t.Format("files_reason_type", name) });
            return;
        }
        var tooLarge = new { error = t.Format("files_reason_size", name, options.MaxBytes / (1024 * 1024)) };
        if (ctx.Request.ContentLength > options.MaxBytes)
        {
            await UploadResponses.JsonAsync(ctx, StatusCodes.Status413PayloadTooLarge, tooLarge);
            return;
        }
        // Kestrel's default cap (about 28 MB) would cut phone videos short; this endpoint allows what the office allows.
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = options.MaxBytes;

        var batchId = target.BatchId(session);
        var record = new MediaRecord
        {
            WeekId = target.Grant.WeekId,
            DepartmentId = target.Grant.DepartmentId,
            ItemKey = target.Item.Key,
            OriginalName = name,
            FileName = FileNameCleaner.Clean(name),
            Kind = MediaKinds.Of(name),
            ReceivedAt = time.GetUtcNow().UtcDateTime,
            FromName = target.Grant.FromName,
            FromAadObjectId = target.Grant.FromAadObjectId,
            SourceKey = $"{batchId}|{Guid.NewGuid():N}",
            BatchId = batchId,
            ConversationId = target.Grant.ConversationId,
            Locale = target.Grant.Locale,
        };
        StoredFile stored;
        try
        {
            // The first bytes decide whether it is what its name says (an empty ".jpg", a web page saved as ".jpg");
            // only those are held, the rest streams on into the store.
            var head = await ContentHead.ReadAsync(new SizeLimitedStream(ctx.Request.Body, options.MaxBytes), ctx.RequestAborted);
            if (head.Check(name) is { } problem)
            {
                await UploadResponses.JsonAsync(ctx, StatusCodes.Status415UnsupportedMediaType, new { error = ContentSniffer.Reason(t, name, problem) });
                return;
            }
            stored = await store.SaveAsync(FileIntakeWorker.FolderOf(record, weeks), record.FileName, head.Content, ctx.RequestAborted);
        }
        catch (Exception ex) when (StorageFull.Is(ex))
        {
            await RefuseFullAsync(ctx, t, name, ex);
            return;
        }
        catch (Exception ex) when (ex is FileTooLargeException || ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            await UploadResponses.JsonAsync(ctx, StatusCodes.Status413PayloadTooLarge, tooLarge);
            return;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or BadHttpRequestException)
        {
            // The phone lost the connection mid-file: the store dropped its partial copy, so nothing is recorded.
            LogAborted(log, name, ex.Message);
            return;
        }
        try
        {
            await arrival.StoredAsync(record, stored);
        }
        catch (Exception ex) when (StorageFull.Is(ex))
        {
            // The file made it to disk but its record did not: without the record nobody would ever see it, so it goes.
            store.Delete(stored.Location);
            await RefuseFullAsync(ctx, t, name, ex);
            return;
        }
        LogStored(log, stored.Location, stored.Size);
        await UploadResponses.JsonAsync(ctx, StatusCodes.Status200OK, new { name = stored.FileName, size = stored.Size });
    }

    // 507 Insufficient Storage with the reason in words: the page shows it next to the file, never "已保存".
    private async Task RefuseFullAsync(HttpContext ctx, Localization.Strings t, string name, Exception ex)
    {
        LogFull(log, name, ex.Message);
        await UploadResponses.JsonAsync(ctx, StatusCodes.Status507InsufficientStorage, new { error = t.Format("storage_full_upload", name) });
    }

    /// <summary>The page's batch id: random letters, checked so it cannot reach into another batch's key.</summary>
    public static string? Session(HttpRequest request) =>
        request.Headers[BatchHeader].ToString() is var s && SessionPattern().IsMatch(s) ? s : null;

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex SessionPattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload page stored {Location} ({Size} bytes)")]
    private static partial void LogStored(ILogger logger, string location, long size);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage is full; upload of {Name} refused: {Reason}")]
    private static partial void LogFull(ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload of {Name} ended early: {Reason}")]
    private static partial void LogAborted(ILogger logger, string name, string reason);
}
