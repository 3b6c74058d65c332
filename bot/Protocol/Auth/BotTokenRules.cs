using Microsoft.IdentityModel.Tokens;

namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>The fixed rules Bot Framework applies to every incoming token (protocol.md §1).</summary>
public static class BotTokenRules
{
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>Industry-standard skew, used by the Bot Framework SDK for every token kind.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static readonly IReadOnlyList<string> SigningAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    /// <summary>Emulator (Entra-issued) token issuers the SDK accepts, before tenant-specific ones.</summary>
    public static readonly IReadOnlyList<string> EmulatorIssuers =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",
        "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",
    ];

    /// <summary>The fixed issuers plus the single-tenant templates filled with the token's own <c>tid</c>.</summary>
    public static IReadOnlyList<string> EmulatorIssuersFor(string? tenantId)
    {
        if (string.IsNullOrWhiteSpace(tenantId) || !Guid.TryParse(tenantId, out _)) return EmulatorIssuers;
        return
        [
            .. EmulatorIssuers,
            $"https://sts.windows.net/{tenantId}/",
            $"https://login.microsoftonline.com/{tenantId}/v2.0",
            $"https://login.microsoftonline.us/{tenantId}/",
            $"https://login.microsoftonline.us/{tenantId}/v2.0",
        ];
    }

    /// <summary>Parameters shared by channel and emulator tokens; callers add issuer, audience and keys.</summary>
    public static TokenValidationParameters BaseParameters(TimeProvider time, IReadOnlyList<SecurityKey> keys) => new()
    {
        IssuerSigningKeys = keys,
        TryAllIssuerSigningKeys = false,
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        ValidAlgorithms = SigningAlgorithms,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        // TokenValidationParameters.TimeProvider is internal in IdentityModel 8, so check lifetime against ours.
        LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(notBefore, expires, time.GetUtcNow()),
        ValidateIssuer = true,
    };

    /// <summary>exp is required; nbf and exp are each allowed <see cref="ClockSkew"/> of slack.</summary>
    public static bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, DateTimeOffset now)
    {
        if (expires is not { } exp) return false;
        var utcNow = now.UtcDateTime;
        if (notBefore is { } nbf && (nbf > exp || nbf.ToUniversalTime() > utcNow + ClockSkew)) return false;
        return exp.ToUniversalTime() >= utcNow - ClockSkew;
    }
}
