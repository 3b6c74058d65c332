namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// Runs async work under a <see cref="SteppingTimeProvider"/> deterministically: the work runs on a
/// <see cref="SingleThreadPump"/>, and time moves (to the next pending timer, or by a fixed step) only when
/// the pump is idle and <c>isBusy</c> (e.g. HTTP calls in flight) says nothing is outstanding elsewhere.
/// </summary>
public sealed class FakeTimeDriver(SteppingTimeProvider time, Func<bool>? isBusy = null) : IDisposable
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
        for (var polls = 0; !work.IsCompleted; polls++)
        {
            var before = pump.Posted;
            if (pump.IsIdle && isBusy?.Invoke() != true && pump.IsIdle && pump.Posted == before) return;
            if (polls < 50) await Task.Yield();
            else await Task.Delay(1);
        }
    }
}
