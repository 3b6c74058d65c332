using Microsoft.IdentityModel.Tokens;

namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>
/// The keys published under one <c>kid</c> (a JWK with x5c can yield more than one) and that key's
/// endorsements, or null when the JWKS entry has none.
/// </summary>
public sealed record SigningKeyMatch(IReadOnlyList<SecurityKey> Keys, IReadOnlyList<string>? Endorsements);
