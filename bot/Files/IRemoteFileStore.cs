namespace VocEdWeek.Bot.Files;

/// <summary>
/// The office's document library (SharePoint through Microsoft Graph). Registered only when configured;
/// received files always land in the local <see cref="IFileStore"/> first and are copied here by a worker.
/// </summary>
public interface IRemoteFileStore
{
    /// <summary>
    /// Uploads <paramref name="upload"/> under the configured root folder; renames on conflict, never
    /// overwrites. <paramref name="openAt"/> opens the content positioned at a byte offset (for resuming).
    /// A session URL saved through <paramref name="checkpoint"/> is resumed from its next expected range.
    /// Idempotent: calling again after a lost answer returns the item already uploaded (same size and hash), not a copy.
    /// Throttling, outages and an expired token are retried briefly inside the call.
    /// Throws <see cref="RemoteStoreException"/> on failure (and <see cref="OperationCanceledException"/> when cancelled).
    /// </summary>
    Task<RemoteFile> UploadAsync(RemoteUpload upload, Func<long, Stream> openAt, IUploadCheckpoint checkpoint, CancellationToken ct);

    /// <summary>The content of an uploaded item (after the local copy was cleaned up).</summary>
    Task<Stream> OpenReadAsync(string itemId, CancellationToken ct);

    /// <summary>A medium thumbnail (about 176–300 px) of an uploaded image or video, or null when there is none.</summary>
    Task<Stream?> OpenThumbnailAsync(string itemId, CancellationToken ct);
}

/// <summary>What to upload: folder segments below the root (e.g. week title, department, day), file name and length.</summary>
public sealed record RemoteUpload(IReadOnlyList<string> Folder, string FileName, long Length);

/// <summary>Where a file landed: the drive item id, its final name, its path below the drive root and its webUrl.</summary>
public sealed record RemoteFile(string ItemId, string Name, string Path, string WebUrl);

/// <summary>Keeps an upload session URL across failures and restarts (persisted by the caller).</summary>
public interface IUploadCheckpoint
{
    string? SessionUrl { get; }

    void Save(string? sessionUrl);
}

/// <summary>How an upload failed: worth retrying (throttled, down, token) or not (refused, bad name, quota).</summary>
public enum RemoteFailure
{
    Transient,
    Permanent,
}

public sealed class RemoteStoreException(string message, RemoteFailure failure, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public RemoteFailure Failure { get; } = failure;

    /// <summary>The server's Retry-After, when it gave one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>The library is throttling us (429), as opposed to being down; the office is told which.</summary>
    public bool Throttled { get; init; }
}
