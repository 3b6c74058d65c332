using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>For tests that build the app without the protocol layer: any download fails as an expired link would.</summary>
public sealed class NoFileDownloader : IFileDownloader
{
    public Task<FileDownload> OpenAsync(IncomingFile file, CancellationToken ct) =>
        throw new FileDownloadException("No downloads in this test.", 404);
}
