namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// The limit put around an awaited signal. It is no timing: it only turns a hang into a failure, so it is generous
/// (a shared two-core machine may be slow) and no test asserts on how long anything took.
/// </summary>
public static class HangGuard
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
}
