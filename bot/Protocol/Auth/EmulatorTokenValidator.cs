using Microsoft.IdentityModel.JsonWebTokens;

namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>
/// Bot Framework Emulator tokens (Entra-issued, only when AcceptEmulatorTokens is on). The audience is
/// not ours, so, as the SDK does, the bot's app id is read from <c>appid</c> (v1.0) or <c>azp</c> (v2.0).
/// </summary>
public sealed class EmulatorTokenValidator(BotFrameworkOptions options, SigningKeyCache keys, TimeProvider time) : ITokenRules
{
    public SigningKeyCache Keys => keys;

    public Task<SignedTokenResult> VerifyAsync(string token, JsonWebToken unverified, CancellationToken ct)
    {
        var tenantId = unverified.TryGetPayloadValue<string>("tid", out var tid) ? tid : null;
        return SignedTokenCheck.ValidateAsync(token, unverified, this, signingKeys =>
        {
            var p = BotTokenRules.BaseParameters(time, signingKeys);
            p.ValidIssuers = BotTokenRules.EmulatorIssuersFor(tenantId);
            p.ValidateAudience = false;
            return p;
        }, ct);
    }

    public AuthVerdict Check(ValidatedToken token, Activity activity, DateTimeOffset now)
    {
        if (!BotTokenRules.IsWithinLifetime(token.NotBefore, token.Expires, now)) return AuthVerdict.Fail("token is outside its lifetime");
        if (!BotTokenRules.EmulatorIssuersFor(token.Claim("tid")).Contains(token.Issuer, StringComparer.Ordinal))
        {
            return AuthVerdict.Fail("token issuer is not an Emulator issuer");
        }
        if (!SignedTokenCheck.IsEndorsed(token.Endorsements, activity.ChannelId, required: false))
        {
            return AuthVerdict.Fail($"signing key '{token.Kid}' is not endorsed for channel '{activity.ChannelId}'");
        }
        if (token.Claim("ver") is not { } version)
        {
            return AuthVerdict.Fail("emulator token has no ver claim");
        }
        var appIdClaim = version switch
        {
            "" or "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (appIdClaim is null) return AuthVerdict.Fail("emulator token has an unknown ver");
        if (!string.Equals(token.Claim(appIdClaim), options.MicrosoftAppId, StringComparison.Ordinal))
        {
            return AuthVerdict.Fail($"emulator token's {appIdClaim} is not this bot's app id");
        }
        return AuthVerdict.Pass;
    }
}
