using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>
/// The steps channel and emulator tokens share: find the key by <c>kid</c> (refreshing once if unknown),
/// validate signature, algorithm, issuer, audience and lifetime, and report the key's endorsements and the key set's generation.
/// </summary>
public static class SignedTokenCheck
{
    private static readonly JsonWebTokenHandler Handler = new();

    public static async Task<SignedTokenResult> ValidateAsync(
        string token,
        JsonWebToken unverified,
        ITokenRules rules,
        Func<IReadOnlyList<SecurityKey>, TokenValidationParameters> parameters,
        CancellationToken ct)
    {
        if (string.IsNullOrEmpty(unverified.Kid)) return Failed("token header has no kid");

        var lookup = await rules.Keys.FindAsync(unverified.Kid, ct);
        if (lookup.Status == KeyLookupStatus.Unavailable) return Failed("signing keys are unavailable");
        if (lookup.Match is null) return Failed($"signing key '{unverified.Kid}' is unknown, also after a refresh");

        var result = await Handler.ValidateTokenAsync(token, parameters(lookup.Match.Keys));
        if (!result.IsValid || result.SecurityToken is not JsonWebToken validated)
        {
            return Failed($"token validation failed: {Describe(result.Exception)}");
        }
        return new SignedTokenResult(AuthVerdict.Pass, ValidatedToken.From(validated, rules, lookup.Generation, lookup.Match.Endorsements));
    }

    /// <summary>
    /// A key with endorsements must list the activity's channel (no channelId passes); a key without
    /// endorsements passes only where they are not required (emulator tokens).
    /// </summary>
    public static bool IsEndorsed(IReadOnlyList<string>? endorsements, string? channelId, bool required)
    {
        if (endorsements is null) return !required;
        if (string.IsNullOrEmpty(channelId)) return true;
        return endorsements.Contains(channelId, StringComparer.Ordinal);
    }

    private static SignedTokenResult Failed(string reason) => new(AuthVerdict.Fail(reason), null);

    /// <summary>
    /// The exception type plus IdentityModel's IDX code (e.g. IDX10504 = token has no signature) say why
    /// without echoing any token content, unlike the full message.
    /// </summary>
    private static string Describe(Exception? ex)
    {
        if (ex is null) return "unknown";
        var message = ex.Message;
        var code = message.StartsWith("IDX", StringComparison.Ordinal) && message.IndexOf(':', StringComparison.Ordinal) is > 3 and < 10 and var colon
            ? message[..colon]
            : null;
        return code is null ? ex.GetType().Name : $"{ex.GetType().Name} ({code})";
    }
}
