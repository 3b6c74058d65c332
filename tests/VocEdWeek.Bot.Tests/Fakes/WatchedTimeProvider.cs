using Microsoft.Extensions.Time.Testing;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells when code arms a timer. A loop on its own thread (a hosted service)
/// waits on a timer it arms after each round; advancing the clock before it has armed would be lost, so a test
/// awaits <see cref="TimerArmed"/> and only then advances — no polling, no real-time sleeps.
/// </summary>
public sealed class WatchedTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<(TimeSpan DueTime, TaskCompletionSource Armed)> _waiters = [];

    /// <summary>Completes when a timer due after <paramref name="dueTime"/> is next created (after this call).</summary>
    public Task TimerArmed(TimeSpan dueTime)
    {
        var armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _waiters.Add((dueTime, armed));
        return armed.Task;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(w => w.DueTime == dueTime).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Armed.TrySetResult();
            }
        }
        return timer;
    }
}
