using Microsoft.IdentityModel.JsonWebTokens;

namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>A verified token and its signing key's endorsements, or the reason it was refused.</summary>
public sealed record SignedTokenResult(AuthVerdict Verdict, JsonWebToken? Token, IReadOnlyList<string>? Endorsements);
