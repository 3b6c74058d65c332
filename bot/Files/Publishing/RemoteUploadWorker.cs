using VocEdWeek.Bot.Operations.Metrics;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Files.Publishing;

/// <summary>
/// Copies stored files to SharePoint, one after another, with retries and backoff that survive restarts
/// (the state is on each <see cref="MediaRecord"/> in the store). A file waits as long as SharePoint is
/// unreachable; the local copy is removed only after a confirmed upload. Idle when SharePoint is not configured.
/// Each upload is claimed first (<see cref="IMediaStore.ClaimNextUpload"/>), so with several instances one file goes
/// up from one of them. Tests call <see cref="RunDueAsync"/> directly.
/// </summary>
public sealed partial class RemoteUploadWorker(
    IMediaStore media, IFileStore local, IServiceProvider services, WeekCatalog weeks, UploadSignal signal,
    RemoteUploadOptions options, BotMetrics metrics, InstanceName instance, TimeProvider time, ILogger<RemoteUploadWorker> log)
    : BackgroundService, IMediaStoredObserver
{
    /// <summary>
    /// How long a claimed upload is this instance's alone: longer than one upload takes (a session checkpoint renews it),
    /// short enough that another instance finishes the work of one that died within the hour.
    /// </summary>
    internal static readonly TimeSpan Lease = TimeSpan.FromHours(1);

    private IRemoteFileStore? Remote => services.GetService<IRemoteFileStore>();

    public bool Enabled => Remote is not null;

    public void OnStored(MediaRecord record)
    {
        if (!Enabled) return;
        Queue(record);
        signal.Wake();
    }

    /// <summary>Puts a failed file back in the queue (the office asked to retry).</summary>
    public int RetryFailed()
    {
        var failed = media.RemoteFailed();
        foreach (var record in failed) Queue(record);
        if (failed.Count > 0) signal.Wake();
        return failed.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        // Files stored before SharePoint was configured go up too.
        foreach (var record in media.LocalOnly()) Queue(record);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRoundFailed(log, ex);
            }
            try
            {
                await signal.WaitAsync(NextWait(), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Uploads every file whose time has come; returns how many landed.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        if (Remote is not { } remote) return 0;
        var landed = 0;
        while (media.ClaimNextUpload(Claim()) is { } record)
        {
            ct.ThrowIfCancellationRequested();
            if (await UploadAsync(remote, record, ct)) landed++;
        }
        return landed;
    }

    private async Task<bool> UploadAsync(IRemoteFileStore remote, MediaRecord record, CancellationToken ct)
    {
        record.RemoteAttempts++;
        try
        {
            var upload = new RemoteUpload(FileIntakeWorker.FolderOf(record, weeks), record.FileName, record.Size);
            var landed = await remote.UploadAsync(upload, offset => OpenAt(record, offset), new MediaRecordCheckpoint(record, media, Claim), ct);
            record.Remote = RemoteState.Uploaded;
            record.RemoteUploadedAt = time.GetUtcNow().UtcDateTime;
            record.RemoteItemId = landed.ItemId;
            record.RemotePath = landed.Path;
            record.WebUrl = landed.WebUrl;
            record.RemoteError = null;
            record.RemoteErrorDetail = null;
            record.RemoteSessionUrl = null;
            record.RemoteNextAttemptAt = null;
            record.Release();
            media.Update(record);
            LogUploaded(log, record.FileName, landed.Path);
            metrics.SharePointUpload("uploaded");
            RemoveLocalCopy(record);
            return true;
        }
        catch (FileNotFoundException)
        {
            Fail(record, UploadReason.LocalMissing, "The local copy is gone.");
        }
        catch (DirectoryNotFoundException)
        {
            Fail(record, UploadReason.LocalMissing, "The local copy is gone.");
        }
        catch (RemoteStoreException ex) when (ex.Failure == RemoteFailure.Permanent)
        {
            Fail(record, UploadReason.Refused, ex.Message);
        }
        catch (RemoteStoreException ex)
        {
            var wait = Backoff(record.RemoteAttempts);
            if (ex.RetryAfter is { } after && after > wait) wait = after;
            record.RemoteError = ex.Throttled ? UploadReason.Throttled : UploadReason.Unavailable;
            record.RemoteErrorDetail = ex.Message;
            record.RemoteNextAttemptAt = time.GetUtcNow().Add(wait).UtcDateTime;
            record.Release();
            media.Update(record);
            metrics.SharePointUpload(ex.Throttled ? "throttled" : "retry");
            LogRetry(log, record.FileName, wait, ex.Message);
        }
        return false;
    }

    private Stream OpenAt(MediaRecord record, long offset)
    {
        var stream = local.OpenRead(record.Location);
        if (offset > 0) stream.Seek(offset, SeekOrigin.Begin);
        return stream;
    }

    private void RemoveLocalCopy(MediaRecord record)
    {
        if (options.KeepLocalCopies) return;
        try
        {
            local.Delete(record.Location);
            record.LocalDeleted = true;
            media.Update(record);
        }
        catch (IOException ex)
        {
            // Uploaded all the same; a leftover local copy is harmless.
            LogCleanupFailed(log, record.FileName, ex.Message);
        }
    }

    private void Fail(MediaRecord record, string reason, string detail)
    {
        record.Remote = RemoteState.Failed;
        record.RemoteError = reason;
        record.RemoteErrorDetail = detail;
        record.RemoteNextAttemptAt = null;
        record.Release();
        media.Update(record);
        metrics.SharePointUpload(reason == UploadReason.LocalMissing ? "local_missing" : "refused");
        LogFailed(log, record.FileName, detail);
    }

    private void Queue(MediaRecord record)
    {
        record.Remote = RemoteState.Waiting;
        record.RemoteNextAttemptAt = time.GetUtcNow().UtcDateTime;
        record.RemoteError = null;
        record.RemoteErrorDetail = null;
        media.Update(record);
    }

    private MediaClaim Claim() => MediaClaim.For(instance.Value, time, Lease);

    /// <summary>30 s, 1 min, 2 min… up to the maximum, ±20 % so many waiting files don't retry in lockstep.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 16));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.QueueRetryBaseDelay.Ticks * factor, options.QueueRetryMaxDelay.Ticks));
        return delay * (0.8 + Random.Shared.NextDouble() * 0.4);
    }

    private TimeSpan NextWait()
    {
        if (media.NextUploadTime(instance.Value) is not { } next) return options.QueuePollInterval;
        var wait = new DateTimeOffset(next, TimeSpan.Zero) - time.GetUtcNow();
        return wait <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : wait < options.QueuePollInterval ? wait : options.QueuePollInterval;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "SharePoint upload round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Uploaded {Name} to {Path}")]
    private static partial void LogUploaded(ILogger logger, string name, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload of {Name} will be retried in {Wait}: {Reason}")]
    private static partial void LogRetry(ILogger logger, string name, TimeSpan wait, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Upload of {Name} failed for good: {Reason}")]
    private static partial void LogFailed(ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local copy of {Name} not removed: {Reason}")]
    private static partial void LogCleanupFailed(ILogger logger, string name, string reason);
}
