using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace VocEdWeek.Bot.Features.Dashboard.SignIn;

/// <summary>
/// Checks the token Teams hands the tab (<c>authentication.getAuthToken</c>): an Entra access token for this app,
/// RS256-signed by a key the tenant publishes, issued by exactly this tenant (v1 or v2 issuer), for this app's
/// Application ID URI or client id, within its lifetime (5 minutes of skew on the injected clock), delegated by a user
/// (scope <c>access_as_user</c>) and naming them by <c>oid</c>. Never throws on what a browser sends.
/// </summary>
public sealed class EntraTokenValidator(TabSsoSettings settings, EntraSigningKeys keys, TimeProvider time)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly JsonWebTokenHandler Handler = new();

    public async Task<TabTokenResult> ValidateAsync(string? token, CancellationToken ct)
    {
        if (!settings.Enabled) return TabTokenResult.Refused("single sign-on is not configured");
        if (string.IsNullOrEmpty(token) || token.Length > 16 * 1024) return TabTokenResult.Refused("no token");
        JsonWebToken unverified;
        try
        {
            unverified = new JsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or System.Text.Json.JsonException)
        {
            return TabTokenResult.Refused("not a JWT");
        }
        // Read without trust, only to pick the key; "none" and HMAC tokens stop here, before any key is looked up.
        if (unverified.IsEncrypted || unverified.Alg != SecurityAlgorithms.RsaSha256) return TabTokenResult.Refused($"algorithm '{unverified.Alg}' is not RS256");
        if (string.IsNullOrEmpty(unverified.Kid)) return TabTokenResult.Refused("no kid");

        var signingKeys = await keys.FindAsync(unverified.Kid, ct);
        if (signingKeys.Count == 0) return TabTokenResult.Refused($"signing key '{unverified.Kid}' is not published by the tenant");

        var result = await Handler.ValidateTokenAsync(token, Parameters(signingKeys));
        if (!result.IsValid || result.SecurityToken is not JsonWebToken valid) return TabTokenResult.Refused($"validation failed: {result.Exception?.GetType().Name}");
        return Claims(valid);
    }

    private TokenValidationParameters Parameters(IReadOnlyList<SecurityKey> signingKeys) => new()
    {
        IssuerSigningKeys = signingKeys,
        TryAllIssuerSigningKeys = false,
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        ValidateIssuer = true,
        ValidIssuers = settings.Issuers,
        ValidateAudience = true,
        ValidAudiences = settings.Audiences,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        // TokenValidationParameters has no public clock in IdentityModel 8: lifetime is checked against ours.
        LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(notBefore, expires, time.GetUtcNow()),
    };

    /// <summary>exp is required; nbf and exp each get <see cref="ClockSkew"/> of slack.</summary>
    public static bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, DateTimeOffset now)
    {
        if (expires is not { } exp) return false;
        var utcNow = now.UtcDateTime;
        if (notBefore is { } nbf && (nbf > exp || nbf.ToUniversalTime() > utcNow + ClockSkew)) return false;
        return exp.ToUniversalTime() >= utcNow - ClockSkew;
    }

    private TabTokenResult Claims(JsonWebToken token)
    {
        // The issuer already names the tenant; a tid that disagrees is refused all the same.
        if (token.TryGetPayloadValue<string>("tid", out var tid) && !string.Equals(tid, settings.TenantId, StringComparison.OrdinalIgnoreCase))
            return TabTokenResult.Refused("tid is another tenant");
        // An app-only token (client credentials) has no scp: the tab's token is always delegated by a signed-in user.
        if (!token.TryGetPayloadValue<string>("scp", out var scp) || !scp.Split(' ').Contains(TabSsoSettings.Scope, StringComparer.Ordinal))
            return TabTokenResult.Refused($"scope {TabSsoSettings.Scope} is missing");
        if (!token.TryGetPayloadValue<string>("oid", out var oid) || !Guid.TryParse(oid, out _)) return TabTokenResult.Refused("oid is missing");
        var names = new[] { "preferred_username", "upn", "email" }
            .Select(c => token.TryGetPayloadValue<string>(c, out var v) ? v : null)
            .OfType<string>().Where(v => v.Length is > 0 and <= 320).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return TabTokenResult.Valid(new TabIdentity(oid, names));
    }
}
