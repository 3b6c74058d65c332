namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// The clock the protocol checks tokens against. It is the app's clock, except during a rehearsal
/// (<c>Clock:StartAt</c>): tokens from real Teams carry real times, whatever day the office rehearses.
/// </summary>
public sealed record WallClock(TimeProvider Time);
