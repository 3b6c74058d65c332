using Microsoft.IdentityModel.JsonWebTokens;

namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>
/// A token whose signature, algorithm, issuer, audience and lifetime were verified against the key set of
/// <see cref="Generation"/>, with what the per-activity checks read copied out of it: concurrent requests that reuse the
/// token then share no lazily filled <see cref="JsonWebToken"/>. <see cref="Rules"/> runs those checks on every activity.
/// </summary>
public sealed record ValidatedToken(
    ITokenRules Rules,
    long Generation,
    string Kid,
    IReadOnlyList<string>? Endorsements,
    string Issuer,
    IReadOnlyList<string> Audiences,
    DateTime? NotBefore,
    DateTime? Expires,
    IReadOnlyDictionary<string, string> Claims)
{
    /// <summary>The string claims any rule reads (serviceurl for channel tokens; tid, ver, appid, azp for the Emulator's).</summary>
    private static readonly string[] ReadClaims = [BotTokenRules.ServiceUrlClaim, "tid", "ver", "appid", "azp"];

    public static ValidatedToken From(JsonWebToken token, ITokenRules rules, long generation, IReadOnlyList<string>? endorsements)
    {
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in ReadClaims)
        {
            if (token.TryGetPayloadValue<string>(name, out var value) && value is not null) claims[name] = value;
        }
        return new ValidatedToken(
            rules, generation, token.Kid, endorsements, token.Issuer, token.Audiences.ToArray(),
            token.TryGetClaim(JwtRegisteredClaimNames.Nbf, out _) ? token.ValidFrom : null,
            token.TryGetClaim(JwtRegisteredClaimNames.Exp, out _) ? token.ValidTo : null,
            claims);
    }

    public string? Claim(string name) => Claims.TryGetValue(name, out var value) ? value : null;

    /// <summary>As IdentityModel compares audiences: exactly, or differing only by one trailing slash.</summary>
    public bool HasAudience(string expected) => Audiences.Any(a => SameAudience(a, expected));

    /// <summary>Past its expiry plus the clock skew: no activity can pass with it any more.</summary>
    public bool IsOverAt(DateTimeOffset now) => Expires is not { } exp || exp.ToUniversalTime() < now.UtcDateTime - BotTokenRules.ClockSkew;

    private static bool SameAudience(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal)
        || (a.Length == b.Length + 1 && a[^1] == '/' && a.StartsWith(b, StringComparison.Ordinal))
        || (b.Length == a.Length + 1 && b[^1] == '/' && b.StartsWith(a, StringComparison.Ordinal));
}
