using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Outbox;

/// <summary>
/// Sends due jobs: at start (jobs left pending by a restart), whenever jobs are enqueued, and every
/// <see cref="OutboxOptions.PollInterval"/> for retries. Jobs to one conversation go out one after
/// another, in order; different conversations go in parallel up to <see cref="OutboxOptions.MaxParallel"/>.
/// Tests call <see cref="RunDueAsync"/> directly.
/// </summary>
public sealed partial class OutboxWorker(
    IOutboxStore store, InstanceName instance, OutboxDelivery delivery, OutboxSignal signal, OutboxOptions options, TimeProvider time,
    ILogger<OutboxWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await RunDueAsync(time.GetUtcNow(), stoppingToken) >= options.BatchSize;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRoundFailed(log, ex);
            }
            if (full) continue;
            try
            {
                await signal.WaitAsync(options.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Sends every job due at <paramref name="now"/> (one batch) that no other instance has claimed; returns how many were
    /// taken. The batch is claimed for this instance first, so workers on several instances share the due jobs.
    /// </summary>
    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var due = store.ClaimDue(now, options.BatchSize, instance.Value, options.ClaimLease);
        if (due.Count == 0) return 0;
        using var gate = new SemaphoreSlim(Math.Max(1, options.MaxParallel));
        var lanes = due.GroupBy(j => j.Recipient.Key, StringComparer.Ordinal).Select(async lane =>
        {
            await gate.WaitAsync(ct);
            try
            {
                foreach (var job in lane) await delivery.DeliverAsync(job.Id);
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(lanes);
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception ex);
}
