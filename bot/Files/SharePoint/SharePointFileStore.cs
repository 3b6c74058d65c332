using Microsoft.Graph.Models;
using VocEdWeek.Bot.Platform.Credentials;

namespace VocEdWeek.Bot.Files.SharePoint;

/// <summary>
/// The office's SharePoint library through Microsoft Graph: files land at
/// <c>{RootFolder}/{folder segments…}/{file}</c>. Small files go in one PUT, larger ones through an upload session
/// whose URL is saved at once, so a retry or a restart continues from the session's next expected byte.
/// Nothing is overwritten: uploads use conflictBehavior=fail; on a conflict the existing item is compared
/// (size + quickXorHash) and taken when it is this very file (a retry after a lost answer), else the name is
/// numbered ("a (2).jpg"). Throttling, outages and network errors are retried a few times here, then reported
/// as <see cref="RemoteFailure.Transient"/>; refusals as <see cref="RemoteFailure.Permanent"/>.
/// </summary>
public sealed partial class SharePointFileStore(
    SharePointSettings settings,
    GraphDriveApi api,
    GraphTokenProvider tokens,
    TimeProvider time,
    ILogger<SharePointFileStore> log) : IRemoteFileStore
{
    /// <summary>SharePoint's limit for a whole decoded path.</summary>
    private const int MaxPathLength = 400;
    private const int MaxNumbering = 200;

    private readonly SemaphoreSlim _driveGate = new(1, 1);
    private string? _driveId = settings.DriveId;

    public async Task<RemoteFile> UploadAsync(RemoteUpload upload, Func<long, Stream> openAt, IUploadCheckpoint checkpoint, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(upload.Length);
        var drive = await WithRetriesAsync("find the document library", _ => EnsureDriveAsync(ct), ct);
        var folder = settings.RootFolder.Concat(upload.Folder.Select(s => FileNameCleaner.CleanSegment(s))).ToArray();
        var baseName = FitPath(folder, FileNameCleaner.Clean(upload.FileName));
        var local = new LocalHash(openAt);
        var name = baseName;
        var vanished = 0;
        for (var n = 2; ; n++)
        {
            var path = folder.Append(name).ToArray();
            try
            {
                var item = await WithRetriesAsync($"upload {string.Join('/', path)}", retry => UploadOnceAsync(drive, path, upload, openAt, checkpoint, retry, ct), ct);
                return ToRemoteFile(item, folder);
            }
            catch (NameTakenException)
            {
                var existing = await WithRetriesAsync("read the existing item", _ => api.GetItemByPathAsync(drive, path, ct), ct);
                // The name may have been freed again in between; then the same name is simply tried once more.
                if (existing is null && ++vanished <= 3) { n--; continue; }
                if (existing is not null && await local.IsSameAsync(existing, upload.Length, ct))
                {
                    LogTookExisting(log, string.Join('/', path));
                    return ToRemoteFile(existing, folder);
                }
                if (n > MaxNumbering) throw new RemoteStoreException($"SharePoint already has {MaxNumbering} files named like '{baseName}' in this folder.", RemoteFailure.Permanent);
                name = FileNameCleaner.Numbered(baseName, n);
            }
        }
    }

    public async Task<Stream> OpenReadAsync(string itemId, CancellationToken ct)
    {
        var drive = await WithRetriesAsync("find the document library", _ => EnsureDriveAsync(ct), ct);
        return await WithRetriesAsync("read a file", _ => api.OpenContentAsync(drive, itemId, ct), ct);
    }

    public async Task<Stream?> OpenThumbnailAsync(string itemId, CancellationToken ct)
    {
        var drive = await WithRetriesAsync("find the document library", _ => EnsureDriveAsync(ct), ct);
        return await WithRetriesAsync("read a thumbnail", _ => api.OpenThumbnailAsync(drive, itemId, ct), ct);
    }

    private async Task<DriveItem> UploadOnceAsync(string drive, string[] path, RemoteUpload upload, Func<long, Stream> openAt, IUploadCheckpoint checkpoint, RetryState retry, CancellationToken ct)
    {
        try
        {
            if (upload.Length == 0 || (upload.Length <= settings.SimpleUploadMaxBytes && checkpoint.SessionUrl is null))
            {
                await using var content = Open(openAt, 0);
                return await api.PutContentAsync(drive, path, content, upload.Length, ct);
            }
            return await UploadInSessionAsync(drive, path, upload.Length, openAt, checkpoint, retry, ct);
        }
        catch (GraphCallException ex) when (ex.Status == 409)
        {
            throw new NameTakenException();
        }
    }

    private async Task<DriveItem> UploadInSessionAsync(string drive, string[] path, long length, Func<long, Stream> openAt, IUploadCheckpoint checkpoint, RetryState retry, CancellationToken ct)
    {
        var url = checkpoint.SessionUrl;
        long offset = 0;
        if (url is not null)
        {
            if (await api.GetSessionNextOffsetAsync(url, ct) is { } next)
            {
                offset = next;
                LogResuming(log, string.Join('/', path), offset, length);
            }
            else
            {
                // Finished, expired or cancelled: start over (a finished one is recognised at the conflict).
                checkpoint.Save(null);
                url = null;
            }
        }
        if (url is null)
        {
            url = await api.CreateUploadSessionAsync(drive, path, ct);
            checkpoint.Save(url);
            offset = 0;
        }

        // The one chunk held in memory (exactly sized: the shared pool would round 10 MiB up to 16 MiB).
        var buffer = GC.AllocateUninitializedArray<byte>(settings.ChunkBytes);
        Stream? content = null;
        try
        {
            content = Open(openAt, offset);
            while (true)
            {
                var count = (int)Math.Min(settings.ChunkBytes, length - offset);
                try
                {
                    await content.ReadExactlyAsync(buffer.AsMemory(0, count), ct);
                }
                catch (EndOfStreamException)
                {
                    throw new RemoteStoreException($"The local copy is shorter than {length} bytes.", RemoteFailure.Permanent);
                }
                ChunkResult result;
                try
                {
                    result = await api.PutChunkAsync(url, buffer, count, offset, length, ct);
                }
                catch (GraphCallException ex) when (ex.Status is 404 or 410)
                {
                    checkpoint.Save(null);
                    throw new GraphCallException(503, "uploadSessionGone", "The upload session ended before the file was complete.", TimeSpan.Zero);
                }
                catch (GraphCallException ex) when (ex.Status == 409)
                {
                    checkpoint.Save(null);
                    throw;
                }
                catch (GraphCallException ex) when (ex.Status == 416)
                {
                    // The server has other bytes than we thought: ask it where it stands and continue from there.
                    result = new ChunkResult(null, await api.GetSessionNextOffsetAsync(url, ct) ?? throw new GraphCallException(503, "uploadSessionGone", "The upload session ended.", TimeSpan.Zero));
                }
                retry.Progressed();
                if (result.Item is { } item)
                {
                    checkpoint.Save(null);
                    return item;
                }
                var expected = offset + count;
                var nextOffset = result.NextOffset ?? expected;
                if (nextOffset != expected)
                {
                    await content.DisposeAsync();
                    content = Open(openAt, nextOffset);
                }
                offset = nextOffset;
                if (offset >= length)
                {
                    // Every byte is there but no item came back: the status tells whether it is still open.
                    throw new GraphCallException(503, "uploadIncomplete", "The upload session took every byte but did not return the file.", TimeSpan.Zero);
                }
            }
        }
        finally
        {
            if (content is not null) await content.DisposeAsync();
        }
    }

    /// <summary>The local copy at an offset; its absence is not something a retry can fix.</summary>
    private static Stream Open(Func<long, Stream> openAt, long offset)
    {
        try
        {
            return openAt(offset);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new RemoteStoreException($"The local copy to upload is missing: {ex.Message}", RemoteFailure.Permanent, null, ex);
        }
    }

    /// <summary>The drive id: configured, or found once from the site (its named or default library).</summary>
    private async Task<string> EnsureDriveAsync(CancellationToken ct)
    {
        if (_driveId is { } known) return known;
        await _driveGate.WaitAsync(ct);
        try
        {
            if (_driveId is { } again) return again;
            var siteId = settings.SiteId ?? await api.GetSiteIdAsync(settings.SiteHostName!, settings.SitePath, ct);
            _driveId = settings.DriveName is { } name
                ? await api.FindDriveIdAsync(siteId, name, ct)
                  ?? throw new RemoteStoreException($"The SharePoint site has no document library named '{name}' (SharePoint:DriveName).", RemoteFailure.Permanent)
                : await api.GetDefaultDriveIdAsync(siteId, ct);
            return _driveId;
        }
        finally
        {
            _driveGate.Release();
        }
    }

    /// <summary>Runs one Graph operation with the retry rules; throws <see cref="RemoteStoreException"/> when they are used up.</summary>
    private async Task<T> WithRetriesAsync<T>(string what, Func<RetryState, Task<T>> call, CancellationToken ct)
    {
        var retry = new RetryState();
        var refreshed = false;
        while (true)
        {
            Exception failure;
            TimeSpan? retryAfter = null;
            try
            {
                return await call(retry);
            }
            catch (GraphCallException ex) when (ex.Status == 401 && !refreshed && !tokens.IsAnonymous)
            {
                // Expired or revoked token: one fresh token, then the same call again.
                refreshed = true;
                tokens.Invalidate();
                LogTokenRefused(log, what);
                continue;
            }
            catch (GraphCallException ex) when (ex.IsTransient)
            {
                failure = ex;
                retryAfter = ex.RetryAfter;
            }
            catch (GraphCallException ex)
            {
                throw new RemoteStoreException(Describe(what, ex), Classify(ex), null, ex);
            }
            catch (Exception ex) when (IsNetwork(ex, ct))
            {
                failure = ex;
            }
            catch (Azure.Identity.AuthenticationFailedException ex)
            {
                // In words, naming the key to change (wrong secret, unknown managed identity client id …).
                var keys = settings.UsesBotIdentity ? IdentityKeys.Bot with { Certificate = "SharePoint:CertificatePath", Scope = "SharePoint:GraphBaseUrl" } : IdentityKeys.SharePoint;
                var reason = IdentityErrors.Describe(ex, settings.ClientId, keys);
                throw new RemoteStoreException($"Could not get a Microsoft Graph token to {what}: {reason.Message}", RemoteFailure.Transient, null, ex);
            }

            retry.Failures++;
            var delay = retryAfter ?? Backoff(retry.Failures);
            if (retry.Failures >= settings.MaxAttempts || delay > settings.MaxRetryDelay)
            {
                throw new RemoteStoreException(
                    $"SharePoint is not available to {what} ({Describe(failure)}); try again later.",
                    RemoteFailure.Transient, retryAfter, failure)
                { Throttled = failure is GraphCallException { Status: 429 } };
            }
            LogRetrying(log, what, Describe(failure), delay);
            await Task.Delay(delay, time, ct);
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var exponential = settings.RetryBaseDelay * Math.Pow(2, failures - 1);
        var capped = exponential > settings.MaxRetryDelay ? settings.MaxRetryDelay : exponential;
        // A little jitter so several uploads held up by the same outage do not come back in step.
        return capped * (0.8 + 0.2 * Random.Shared.NextDouble());
    }

    private static bool IsNetwork(Exception ex, CancellationToken ct) =>
        ex is HttpRequestException or IOException || (ex is TaskCanceledException && !ct.IsCancellationRequested);

    private static RemoteFailure Classify(GraphCallException ex) => ex.IsTransient ? RemoteFailure.Transient : ex.Status switch
    {
        401 => RemoteFailure.Transient, // a second refusal after a fresh token: more likely a passing Entra issue than a rule
        _ => RemoteFailure.Permanent,   // 400 invalid name, 403 access denied, 404 no such site, 413, 507 quota…
    };

    private static string Describe(string what, GraphCallException ex) => ex.Status switch
    {
        403 => $"SharePoint refused access to {what} (the app needs Sites.Selected with a write grant on the site, or Sites.ReadWrite.All): {ex.GraphMessage}",
        404 => $"SharePoint could not find what it needs to {what} (check SharePoint:SiteId/SiteHostName/SitePath/DriveId): {ex.GraphMessage}",
        507 => $"The SharePoint library is full (quota) and cannot {what}: {ex.GraphMessage}",
        400 => $"SharePoint refused to {what} (bad request, e.g. a name it does not accept): {ex.GraphMessage}",
        _ => $"SharePoint refused to {what}: {ex.Message}",
    };

    private static string Describe(Exception ex) => ex switch
    {
        GraphCallException g => g.Message,
        TaskCanceledException => "timed out",
        _ => FirstLine(ex.Message),
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static RemoteFile ToRemoteFile(DriveItem item, IReadOnlyList<string> folder)
    {
        var name = item.Name ?? "";
        return new RemoteFile(item.Id!, name, string.Join('/', folder.Append(name)), item.WebUrl ?? "");
    }

    /// <summary>Shortens the file name when folders + name would pass SharePoint's path limit (numbering included).</summary>
    private static string FitPath(IReadOnlyList<string> folder, string name)
    {
        var used = folder.Sum(s => s.Length + 1) + " (200)".Length;
        if (used + name.Length <= MaxPathLength) return name;
        var ext = Path.GetExtension(name);
        var room = Math.Max(8, MaxPathLength - used - ext.Length);
        var stem = Path.GetFileNameWithoutExtension(name);
        return (stem.Length > room ? stem[..room].TrimEnd('.', ' ') : stem) + ext;
    }

    /// <summary>Per call: consecutive failures, reset whenever a chunk got through (a long upload may meet several blips).</summary>
    private sealed class RetryState
    {
        public int Failures { get; set; }

        public void Progressed() => Failures = 0;
    }

    private sealed class NameTakenException : Exception;

    /// <summary>The local file's quickXorHash, computed once and only when a conflict needs it.</summary>
    private sealed class LocalHash(Func<long, Stream> openAt)
    {
        private string? _hash;

        public async Task<bool> IsSameAsync(DriveItem existing, long length, CancellationToken ct)
        {
            if (existing.Size != length || existing.File?.Hashes?.QuickXorHash is not { } remote) return false;
            if (_hash is null)
            {
                await using var content = Open(openAt, 0);
                (_hash, _) = await QuickXorHash.OfStreamAsync(content, ct);
            }
            return string.Equals(_hash, remote, StringComparison.Ordinal);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SharePoint already has {Path} with the same size and hash (a retry after a lost answer); taking it")]
    private static partial void LogTookExisting(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming the upload of {Path} at byte {Offset} of {Length}")]
    private static partial void LogResuming(ILogger logger, string path, long offset, long length);

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph refused the token to {What}; getting a new one")]
    private static partial void LogTokenRefused(ILogger logger, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not {What} ({Reason}); retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string what, string reason, TimeSpan delay);
}
