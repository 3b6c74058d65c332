using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Outbox;

namespace VocEdWeek.Bot.Storage;

/// <summary>
/// Several instances on one database: at start and every <c>Storage:LeaseSweep</c>, the work whose claim ran out (its
/// instance died and did not come back under its name) is dealt with by this live one. A send that was under way is
/// closed as interrupted, never sent again (Teams may have it: the crash rule); a pending download goes to this instance's
/// intake, which claims it (<see cref="IMediaStore.ClaimDownload"/>), so of several sweeping instances one fetches it.
/// Uploads need no sweep: every upload round already takes a waiting file whose hold ran out.
/// Tests call <see cref="Sweep"/> directly.
/// </summary>
public sealed partial class LeaseSweep(
    IOutboxStore outbox, IMediaStore media, FileIntakeWorker intake, FileIntakeOptions files, StorageOptions options, TimeProvider time,
    ILogger<LeaseSweep> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Sweep();
            }
            catch (Exception ex)
            {
                // The database may be away a moment; the next sweep tries again.
                LogSweepFailed(log, ex);
            }
            try
            {
                await Task.Delay(options.LeaseSweep, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One sweep at the clock's now: how many sends were closed as interrupted and how many batches taken over.</summary>
    public (int Interrupted, int Batches) Sweep()
    {
        var now = time.GetUtcNow();
        var interrupted = outbox.InterruptExpired(now);
        // A file nobody ever held is taken once a whole download could have run: its instance is not coming to it.
        var abandoned = media.AbandonedBatches(now.UtcDateTime, now.UtcDateTime - files.OverallTimeout(null));
        foreach (var batch in abandoned) intake.Enqueue(batch);
        if (interrupted > 0 || abandoned.Count > 0) LogSwept(log, interrupted, abandoned.Count);
        return (interrupted, abandoned.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease sweep: {Interrupted} send(s) of a dead instance closed as interrupted, {Batches} file batch(es) taken over")]
    private static partial void LogSwept(ILogger logger, int interrupted, int batches);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lease sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception ex);
}
