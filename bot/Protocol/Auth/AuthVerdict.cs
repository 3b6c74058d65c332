namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>Whether a request passed, and if not, a loggable reason (never the token itself).</summary>
public readonly record struct AuthVerdict(bool IsValid, string Reason)
{
    public static readonly AuthVerdict Pass = new(true, "");

    public static AuthVerdict Fail(string reason) => new(false, reason);
}
