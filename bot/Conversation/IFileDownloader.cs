namespace VocEdWeek.Bot.Conversation;

/// <summary>Opens a file the user sent as a stream (adds the bot's token where the channel needs it).</summary>
public interface IFileDownloader
{
    Task<FileDownload> OpenAsync(IncomingFile file, CancellationToken ct);
}

/// <summary>An open download: the caller disposes it. <see cref="Length"/> is null when the server did not say.</summary>
public sealed class FileDownload(Stream content, long? length, string? contentType, IDisposable? owner) : IDisposable
{
    public Stream Content { get; } = content;
    public long? Length { get; } = length;
    public string? ContentType { get; } = contentType;

    public void Dispose()
    {
        Content.Dispose();
        owner?.Dispose();
    }
}

/// <summary>
/// The file could not be fetched (expired link, 401/403/404, network), or its address is not one the bot fetches from
/// (<see cref="UnsupportedAddress"/>: not https, a <c>file:</c> path, garbage).
/// </summary>
public sealed class FileDownloadException(string message, int? status = null, bool unsupportedAddress = false) : Exception(message)
{
    public int? Status { get; } = status;

    public bool UnsupportedAddress { get; } = unsupportedAddress;
}
