using Microsoft.IdentityModel.JsonWebTokens;

namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>
/// Tokens from the Bot Connector (Teams): issuer and audience exact, key endorsed for the activity's
/// channel, and the <c>serviceurl</c> claim equal to the activity's serviceUrl so replies cannot be
/// redirected with a token minted for another service.
/// </summary>
public sealed class ChannelTokenValidator(BotFrameworkOptions options, SigningKeyCache keys, TimeProvider time)
{
    public async Task<AuthVerdict> ValidateAsync(string token, JsonWebToken unverified, Activity activity, CancellationToken ct)
    {
        var signed = await SignedTokenCheck.ValidateAsync(token, unverified, keys, signingKeys =>
        {
            var p = BotTokenRules.BaseParameters(time, signingKeys);
            p.ValidIssuer = options.ChannelIssuer;
            p.ValidateAudience = true;
            p.ValidAudience = options.MicrosoftAppId;
            return p;
        }, ct);
        if (!signed.Verdict.IsValid || signed.Token is null) return signed.Verdict;

        if (!SignedTokenCheck.IsEndorsed(signed.Endorsements, activity.ChannelId, required: true))
        {
            return AuthVerdict.Fail(signed.Endorsements is null
                ? $"signing key '{unverified.Kid}' has no endorsements"
                : $"signing key '{unverified.Kid}' is not endorsed for channel '{activity.ChannelId}'");
        }
        if (!signed.Token.TryGetPayloadValue<string>(BotTokenRules.ServiceUrlClaim, out var claimed) || string.IsNullOrWhiteSpace(claimed))
        {
            return AuthVerdict.Fail("serviceurl claim is missing");
        }
        if (!string.Equals(claimed, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return AuthVerdict.Fail("serviceurl claim does not match the activity's serviceUrl");
        }
        return AuthVerdict.Pass;
    }
}
