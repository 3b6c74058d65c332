namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>A verified token, or the reason it was refused.</summary>
public sealed record SignedTokenResult(AuthVerdict Verdict, ValidatedToken? Token);
