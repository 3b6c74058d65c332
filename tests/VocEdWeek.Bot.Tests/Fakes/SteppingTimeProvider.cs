using Microsoft.Extensions.Time.Testing;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that remembers when its timers are due, so a test can jump
/// straight to the next one (<see cref="AdvanceToNextTimer"/>) instead of crawling in fixed steps.
/// </summary>
public sealed class SteppingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly object sync = new();
    private readonly SortedSet<DateTimeOffset> dues = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (sync) dues.Add(GetUtcNow() + dueTime);
        }
        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Pending timer due times, for failure messages.</summary>
    public string DescribeTimers()
    {
        lock (sync) return string.Join(", ", dues.Select(d => d.ToString("O")));
    }

    /// <summary>
    /// Moves to the earliest timer due after now; with none pending, by <paramref name="fallback"/>.
    /// Returns how far time moved.
    /// </summary>
    public TimeSpan AdvanceToNextTimer(TimeSpan fallback)
    {
        var now = GetUtcNow();
        DateTimeOffset? next;
        lock (sync)
        {
            dues.RemoveWhere(d => d <= now);
            next = dues.Count > 0 ? dues.Min : null;
        }
        var step = next is { } due ? due - now : fallback;
        Advance(step);
        return step;
    }
}
