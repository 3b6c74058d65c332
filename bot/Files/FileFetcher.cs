using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Files;

/// <summary>
/// Fetches one pending file into the store: an allowed type, from an address the download client accepts, within the
/// idle and overall time limits, no bigger than the cap (counted on the bytes that arrive), and only when its first
/// bytes are what its name says. Whatever goes wrong, this one file is refused with its reason, for good; the other
/// files of the message are not touched.
/// </summary>
public sealed partial class FileFetcher(
    IMediaStore media, MediaArrival arrival, IFileStore store, IFileDownloader downloader, WeekCatalog weeks, FileIntakeOptions options,
    TimeProvider time, ILogger<FileFetcher> log)
{
    public async Task FetchAsync(MediaRecord record, CancellationToken stopping)
    {
        var t = Strings.For(record.Locale);
        var name = record.OriginalName;
        if (!options.IsAllowed(name))
        {
            await RefuseAsync(record, t.Format("files_reason_type", name));
            return;
        }
        if (record.DownloadAttempts >= options.MaxDownloadAttempts)
        {
            await RefuseAsync(record, t.Format("files_reason_download", name));
            return;
        }
        record.DownloadAttempts++;
        await media.UpdateAsync(record);
        using var timer = new DownloadTimer(time, options, stopping);
        try
        {
            var file = new IncomingFile(name, null, record.DownloadUrl ?? "", record.NeedsBotToken, null);
            using var download = await downloader.OpenAsync(file, timer.Token);
            timer.Expect(download.Length);
            if (download.Length > options.MaxBytes) { await RefuseAsync(record, SizeReason(t, name)); return; }
            // A mobile sharing link can answer with a web page instead of the file.
            if (download.ContentType is "text/html" && MediaKinds.Of(name) != MediaKind.Document) { await RefuseAsync(record, t.Format("files_reason_html", name)); return; }
            var head = await ContentHead.ReadAsync(new SizeLimitedStream(timer.Watch(download.Content), options.MaxBytes), timer.Token);
            if (head.Check(name) is { } problem) { await RefuseAsync(record, ContentSniffer.Reason(t, name, problem)); return; }
            var stored = await store.SaveAsync(FileIntakeWorker.FolderOf(record, weeks), record.FileName, head.Content, timer.Token);
            await arrival.StoredAsync(record, stored);
        }
        catch (FileTooLargeException)
        {
            await RefuseAsync(record, SizeReason(t, name));
        }
        catch (FileDownloadException ex)
        {
            LogDownloadFailed(log, name, ex.Message);
            await RefuseAsync(record, t.Format(ex.UnsupportedAddress ? "files_reason_address" : "files_reason_download", name));
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            LogTimedOut(log, name);
            await RefuseAsync(record, t.Format("files_reason_timeout", name));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The download was fine; the store could not write it (disk full, permissions). Said plainly, not as a bad link.
            LogStoreFailed(log, ex, name);
            await RefuseAsync(record, t.Format("files_reason_store", name));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Anything else (a token that cannot be had, a malformed answer) is this file's failure, not the message's.
            LogUnexpected(log, ex, name);
            await RefuseAsync(record, t.Format("files_reason_download", name));
        }
    }

    private string SizeReason(Strings t, string name) => t.Format("files_reason_size", name, options.MaxBytes / (1024 * 1024));

    private async Task RefuseAsync(MediaRecord record, string reason)
    {
        record.State = MediaState.Refused;
        record.RefusedReason = reason;
        record.DownloadUrl = null; // a pre-authorised link is a secret; not kept once used
        record.Release();
        await media.UpdateAsync(record);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Download of {Name} failed: {Reason}")]
    private static partial void LogDownloadFailed(ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Download of {Name} timed out (no bytes within Files:IdleTimeout, or longer than the overall limit)")]
    private static partial void LogTimedOut(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "Fetching {Name} failed")]
    private static partial void LogUnexpected(ILogger logger, Exception ex, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing {Name} failed")]
    private static partial void LogStoreFailed(ILogger logger, Exception ex, string name);
}
