namespace VocEdWeek.Bot.Features.UploadPage;

/// <summary>
/// Acknowledges page runs whose page was closed (or lost its connection) before it said "done": the files are kept
/// either way, and the liaison should see that in the chat.
/// </summary>
public sealed partial class QuietUploadSweeper(UploadAcknowledger acknowledger, UploadPageOptions options, TimeProvider time, ILogger<QuietUploadSweeper> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.SweepInterval, time, stoppingToken);
                var count = await acknowledger.AcknowledgeQuietAsync(time.GetUtcNow(), options.AcknowledgeAfter, stoppingToken);
                if (count > 0) LogAcknowledged(log, count);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(log, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Acknowledged {Count} upload page runs left without \"done\"")]
    private static partial void LogAcknowledged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for quiet upload page runs failed; trying again later")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
