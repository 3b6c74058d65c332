using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Files;

namespace VocEdWeek.Bot.Features.WeekSetup;

/// <summary>
/// Fetches the one file a setup message carries (a notice or a liaison list) into memory: small files only, through the
/// same download client and time limits as liaisons' files. Null with a text key when it cannot.
/// </summary>
public sealed class SetupFiles(IFileDownloader downloader, FileIntakeOptions options, TimeProvider time)
{
    /// <summary>A notice or a sheet is a few hundred KB; anything past this is not one.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public async Task<(byte[]? Bytes, string? FailureKey)> FetchAsync(IncomingFile file, CancellationToken ct)
    {
        using var timer = new DownloadTimer(time, options, ct);
        try
        {
            using var download = await downloader.OpenAsync(file, timer.Token);
            if (download.Length > MaxBytes) return (null, "setup_file_too_large");
            using var buffer = new MemoryStream();
            await new SizeLimitedStream(timer.Watch(download.Content), MaxBytes).CopyToAsync(buffer, timer.Token);
            return (buffer.ToArray(), null);
        }
        catch (FileTooLargeException)
        {
            return (null, "setup_file_too_large");
        }
        catch (FileDownloadException)
        {
            return (null, "setup_file_download");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, "setup_file_download");
        }
    }
}
