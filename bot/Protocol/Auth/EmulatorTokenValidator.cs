using Microsoft.IdentityModel.JsonWebTokens;

namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>
/// Bot Framework Emulator tokens (Entra-issued, only when AcceptEmulatorTokens is on). The audience is
/// not ours, so, as the SDK does, the bot's app id is read from <c>appid</c> (v1.0) or <c>azp</c> (v2.0).
/// </summary>
public sealed class EmulatorTokenValidator(BotFrameworkOptions options, SigningKeyCache keys, TimeProvider time)
{
    public async Task<AuthVerdict> ValidateAsync(string token, JsonWebToken unverified, Activity activity, CancellationToken ct)
    {
        var tenantId = unverified.TryGetPayloadValue<string>("tid", out var tid) ? tid : null;
        var signed = await SignedTokenCheck.ValidateAsync(token, unverified, keys, signingKeys =>
        {
            var p = BotTokenRules.BaseParameters(time, signingKeys);
            p.ValidIssuers = BotTokenRules.EmulatorIssuersFor(tenantId);
            p.ValidateAudience = false;
            return p;
        }, ct);
        if (!signed.Verdict.IsValid || signed.Token is null) return signed.Verdict;

        if (!SignedTokenCheck.IsEndorsed(signed.Endorsements, activity.ChannelId, required: false))
        {
            return AuthVerdict.Fail($"signing key '{unverified.Kid}' is not endorsed for channel '{activity.ChannelId}'");
        }
        if (!signed.Token.TryGetPayloadValue<string>("ver", out var version))
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
        if (!signed.Token.TryGetPayloadValue<string>(appIdClaim, out var appId) || !string.Equals(appId, options.MicrosoftAppId, StringComparison.Ordinal))
        {
            return AuthVerdict.Fail($"emulator token's {appIdClaim} is not this bot's app id");
        }
        return AuthVerdict.Pass;
    }
}
