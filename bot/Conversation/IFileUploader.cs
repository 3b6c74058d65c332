namespace VocEdWeek.Bot.Conversation;

/// <summary>Writes a file to the upload session a user's consent opened (the counterpart of <see cref="IFileDownloader"/>).</summary>
public interface IFileUploader
{
    /// <summary>Uploads <paramref name="length"/> bytes of <paramref name="content"/>; never throws for HTTP failures.</summary>
    Task<FileUploadResult> UploadAsync(FileUploadTarget target, Stream content, long length, CancellationToken ct);
}

/// <summary>The outcome of an upload: done, or why not (HTTP status when the server answered).</summary>
public sealed record FileUploadResult(bool Uploaded, int? HttpStatus = null, string? Error = null)
{
    public static FileUploadResult Done { get; } = new(true);
}
