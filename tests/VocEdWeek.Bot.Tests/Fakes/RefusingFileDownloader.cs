using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>For tests that never fetch files: any download is an expired link.</summary>
public sealed class RefusingFileDownloader : IFileDownloader
{
    public Task<FileDownload> OpenAsync(IncomingFile file, CancellationToken ct) => throw new FileDownloadException("no downloads in this test", 404);
}
