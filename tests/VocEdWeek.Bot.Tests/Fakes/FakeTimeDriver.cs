namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// Runs async work under a <see cref="SteppingTimeProvider"/> deterministically: the work runs on a
/// <see cref="SingleThreadPump"/>, and time moves (to the next pending timer, or by a fixed step) only when
/// the pump is idle and <c>calls</c> (e.g. HTTP calls in flight) has nothing outstanding elsewhere. Both are awaited
/// signals, never polled, so how fast the machine is changes nothing but the wall time of a run.
/// </summary>
public sealed class FakeTimeDriver(SteppingTimeProvider time, WorkCounter? calls = null) : IDisposable
{
    private static readonly TimeSpan Fallback = TimeSpan.FromMilliseconds(250);

    private readonly SingleThreadPump pump = new();
    private readonly List<string> log = [];

    public async Task<T> RunAsync<T>(Func<Task<T>> start, TimeSpan? step = null, TimeSpan? until = null)
    {
        var work = pump.Run(start);
        var end = time.GetUtcNow() + (until ?? TimeSpan.FromDays(1));
        while (true)
        {
            await UntilSettledAsync(work);
            if (work.IsCompleted) break;
            if (time.GetUtcNow() >= end) throw new TimeoutException($"Still pending at {time.GetUtcNow():O}; timers: {time.DescribeTimers()}; log: {string.Join(" | ", log.TakeLast(12))}");
            if (step is { } fixedStep) time.Advance(fixedStep);
            else
            {
                var moved = time.AdvanceToNextTimer(Fallback);
                log.Add($"{time.GetUtcNow():HH:mm:ss.fff} (+{moved.TotalMilliseconds} ms)");
            }
        }
        if (pump.Fault is { } fault) throw new InvalidOperationException("A pump callback failed.", fault);
        return await work;
    }

    public Task RunAsync(Func<Task> start, TimeSpan? step = null, TimeSpan? until = null) =>
        RunAsync(async () =>
        {
            await start();
            return true;
        }, step, until);

    public void Dispose() => pump.Dispose();

    private async Task UntilSettledAsync(Task work)
    {
        while (!work.IsCompleted)
        {
            var before = pump.Posted;
            var idle = pump.WhenIdle();
            var quiet = calls?.WhenQuiet() ?? Task.CompletedTask;
            // Idle is checked again and the post count compared because a call that ends between the reads posts its
            // caller's continuation to the pump, and that continuation must run before time may move.
            if (idle.IsCompleted && quiet.IsCompleted && pump.IsIdle && pump.Posted == before) return;
            var settled = Task.WhenAny(Task.WhenAll(idle, quiet), work);
            try
            {
                await settled.WaitAsync(HangGuard.Limit);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"Never settled at {time.GetUtcNow():O}: pump idle {pump.IsIdle}, calls in flight {calls?.Count ?? 0}; timers: {time.DescribeTimers()}; log: {string.Join(" | ", log.TakeLast(12))}");
            }
        }
    }
}
