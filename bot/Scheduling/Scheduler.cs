using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Scheduling;

/// <summary>
/// Runs the week's slots on <see cref="TimeProvider"/> time. All times are instants computed in the week's
/// zone by the sources; the server's own zone never matters. A slot runs once: its key is recorded in
/// LiteDB after it ran, and the jobs it enqueues carry the slot in their idempotency keys, so a crash
/// between the two does not send anything twice. A slot missed while the bot was down runs late within
/// its grace period, else it is recorded as missed. Nothing runs outside the week's window. With several instances only the
/// leader (<see cref="ISchedulerLeadership"/>) runs slots; the others keep ticking, each round a try to take over.
/// </summary>
public sealed partial class Scheduler(
    WeekCatalog weeks, IEnumerable<ISlotSource> sources, IScheduleWindow window, ISlotStore slots,
    SchedulingOptions options, TimeProvider time, ILogger<Scheduler> log, ISchedulerLeadership leadership) : BackgroundService
{
    private readonly IReadOnlyList<ISlotSource> _sources = sources.ToList();
    private readonly SemaphoreSlim _oneRound = new(1, 1);
    private readonly TaskCompletionSource _firstTick = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastTickTicks;

    public bool Enabled => options.Enabled;

    public TimeSpan TickInterval => options.TickInterval;

    /// <summary>When the loop last finished a round (failed rounds count: the loop is alive); null before the first.</summary>
    public DateTimeOffset? LastTick => Volatile.Read(ref _lastTickTicks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    /// <summary>Completes when the loop has finished its first round (the loop runs on its own thread since .NET 10).</summary>
    public Task FirstTick => _firstTick.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRoundFailed(log, ex);
            }
            // Readiness asks for this: a loop stuck in a round or dead stops moving it.
            Volatile.Write(ref _lastTickTicks, time.GetUtcNow().UtcTicks);
            _firstTick.TrySetResult();
            try
            {
                await Task.Delay(options.TickInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Runs every slot due at <paramref name="now"/> not yet dealt with; returns the keys it ran.</summary>
    public async Task<IReadOnlyList<string>> RunDueAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var ran = new List<string>();
        if (weeks.Active is not { } week) return ran;
        if (!leadership.IsLeader && !leadership.TryLead()) return ran;
        await _oneRound.WaitAsync(ct);
        try
        {
            var (from, to) = window.Of(week);
            if (now < from) return ran;
            var due = _sources
                .SelectMany(source => source.Slots(week).Select(slot => (source, slot)))
                .Where(x => x.slot.At <= now && x.slot.At >= from && x.slot.At <= to)
                .OrderBy(x => x.slot.At).ThenBy(x => x.slot.Key, StringComparer.Ordinal);
            foreach (var (source, slot) in due)
            {
                if (slots.IsDone(slot.Key)) continue;
                if (now - slot.At > slot.Grace)
                {
                    Record(slot, now, missed: true, "missed: the bot was not running in time");
                    LogMissed(log, slot.Key);
                    continue;
                }
                SlotResult result;
                try
                {
                    result = await source.RunAsync(week, slot, now, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSlotFailed(log, ex, slot.Key);
                    continue;
                }
                if (!result.Done) continue;
                Record(slot, now, missed: false, result.Summary);
                LogRan(log, slot.Key, result.Summary);
                ran.Add(slot.Key);
            }
            return ran;
        }
        finally
        {
            _oneRound.Release();
        }
    }

    private void Record(ScheduledSlot slot, DateTimeOffset now, bool missed, string result) =>
        slots.Record(new SlotRecord { Id = slot.Key, Source = slot.Source, At = slot.At.UtcDateTime, RecordedAt = now.UtcDateTime, Missed = missed, Result = result });

    [LoggerMessage(Level = LogLevel.Information, Message = "Slot {Key} ran: {Summary}")]
    private static partial void LogRan(ILogger logger, string key, string summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slot {Key} was missed beyond its grace period")]
    private static partial void LogMissed(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slot {Key} failed; it is tried again on the next tick")]
    private static partial void LogSlotFailed(ILogger logger, Exception ex, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduler round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception ex);
}
