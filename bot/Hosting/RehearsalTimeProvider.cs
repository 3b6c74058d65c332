namespace VocEdWeek.Bot.Hosting;

/// <summary>
/// A clock that starts at a chosen instant and then runs at normal speed (<c>Clock:StartAt</c>).
/// Lets an office rehearse a past or future week, and lets emulator tests run "on" a week day.
/// With <paramref name="startedAt"/> (<c>Clock:StartAtUtcInstant</c>) the clock reads <paramref name="startAt"/> at that real
/// instant instead of at this process's start, so several instances started (or restarted) at different moments agree.
/// </summary>
public sealed class RehearsalTimeProvider(DateTimeOffset startAt, TimeProvider real, DateTimeOffset? startedAt = null) : TimeProvider
{
    private readonly long _started = real.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => startedAt is { } anchor
        // The wall clock, not the process's stopwatch: the anchor is a moment every instance's wall clock shares.
        ? startAt.ToUniversalTime() + (real.GetUtcNow() - anchor)
        : startAt.ToUniversalTime() + real.GetElapsedTime(_started);

    public override long GetTimestamp() => real.GetTimestamp();

    public override long TimestampFrequency => real.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        real.CreateTimer(callback, state, dueTime, period);
}
