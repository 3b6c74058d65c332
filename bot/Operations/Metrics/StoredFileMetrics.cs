using VocEdWeek.Bot.Files;

namespace VocEdWeek.Bot.Operations.Metrics;

/// <summary>Counts every file that became "stored", from the chat or the upload page alike.</summary>
public sealed class StoredFileMetrics(BotMetrics metrics) : IMediaStoredObserver
{
    public void OnStored(MediaRecord record) => metrics.FileStored(record.Kind);
}
