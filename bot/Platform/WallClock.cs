namespace VocEdWeek.Bot.Platform;

/// <summary>
/// The clock tokens from outside are checked against (the channel's, Entra's). It is the app's clock, except during a
/// rehearsal (<c>Clock:StartAt</c>): tokens from real Teams carry real times, whatever day the office rehearses.
/// It lives here, not in Protocol/, because the tab's sign-in and the operator's clock check read it too.
/// </summary>
public sealed record WallClock(TimeProvider Time);
