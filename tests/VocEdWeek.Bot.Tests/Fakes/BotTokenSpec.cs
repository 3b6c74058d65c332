using Microsoft.IdentityModel.Tokens;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>Everything a minted test token carries; start from a valid spec and change one thing.</summary>
public sealed class BotTokenSpec
{
    public required TestSigningKey Key { get; set; }

    public string Algorithm { get; set; } = SecurityAlgorithms.RsaSha256;

    public string? Issuer { get; set; }

    /// <summary>The <c>aud</c> claim; null leaves it out.</summary>
    public string? Audience { get; set; }

    /// <summary>The <c>serviceurl</c> claim; null leaves it out.</summary>
    public string? ServiceUrl { get; set; }

    public DateTime IssuedAt { get; set; }

    public DateTime NotBefore { get; set; }

    public DateTime Expires { get; set; }

    /// <summary>Extra payload claims (e.g. <c>appid</c>, <c>ver</c>, <c>tid</c> for emulator tokens).</summary>
    public Dictionary<string, object> Claims { get; } = new(StringComparer.Ordinal);
}
