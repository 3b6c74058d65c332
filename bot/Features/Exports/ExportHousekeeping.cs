using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Features.Exports;

/// <summary>
/// Keeps exports from filling the bot's disk: at start-up, temp files left by an export that a crash interrupted are
/// removed (only this process writes them, and nothing is writing yet); then, every few hours, local exports older than
/// <see cref="ExportOptions.KeepLocalFor"/> are deleted and their records marked, so an old link says "gone" instead of
/// failing. The records stay: who exported what, when, is history.
/// </summary>
public sealed partial class ExportHousekeeping(
    IExportStore store, IFileStore local, StorageOptions storage, ExportOptions options, TimeProvider time,
    ILogger<ExportHousekeeping> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var swept = SweepTemp();
        if (swept > 0) LogSwept(logger, swept);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pruned = Prune(time.GetUtcNow());
                if (pruned > 0) LogPruned(logger, pruned, options.KeepLocalFor);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StorageException)
            {
                LogFailed(logger, ex);
            }
            try
            {
                await Task.Delay(options.HousekeepingInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Deletes the temp files of interrupted exports; returns how many.</summary>
    public int SweepTemp()
    {
        var dir = Path.Combine(storage.FullDirectory, ExportService.TempFolder);
        if (!Directory.Exists(dir)) return 0;
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(dir, ExportService.TempPrefix + "*"))
        {
            try
            {
                File.Delete(file);
                count++;
            }
            catch (IOException)
            {
                // Still open somewhere: the next start takes it.
            }
        }
        return count;
    }

    /// <summary>Deletes local exports made before <paramref name="now"/> minus the keep time; returns how many.</summary>
    public int Prune(DateTimeOffset now)
    {
        if (options.KeepLocalFor <= TimeSpan.Zero) return 0;
        var count = 0;
        foreach (var record in store.LocalMadeBefore((now - options.KeepLocalFor).UtcDateTime))
        {
            try
            {
                local.Delete(record.Location);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                // Already gone (deleted by hand): just mark it.
            }
            record.LocalDeletedAt = now.UtcDateTime;
            store.Update(record);
            count++;
        }
        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} temp files of interrupted exports")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} local exports older than {KeepFor}")]
    private static partial void LogPruned(ILogger logger, int count, TimeSpan keepFor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Export housekeeping failed; trying again later")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
