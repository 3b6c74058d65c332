namespace VocEdWeek.Bot.Hosting;

/// <summary>
/// A clock that starts at a chosen instant and then runs at normal speed (<c>Clock:StartAt</c>).
/// Lets an office rehearse a past or future week, and lets emulator tests run "on" a week day.
/// </summary>
public sealed class RehearsalTimeProvider(DateTimeOffset startAt, TimeProvider real) : TimeProvider
{
    private readonly long _started = real.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => startAt.ToUniversalTime() + real.GetElapsedTime(_started);

    public override long GetTimestamp() => real.GetTimestamp();

    public override long TimestampFrequency => real.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        real.CreateTimer(callback, state, dueTime, period);
}
