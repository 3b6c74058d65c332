using Microsoft.IdentityModel.JsonWebTokens;

namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>
/// Tokens from the Bot Connector (Teams): issuer and audience exact, key endorsed for the activity's
/// channel, and the <c>serviceurl</c> claim equal to the activity's serviceUrl so replies cannot be
/// redirected with a token minted for another service.
/// </summary>
public sealed class ChannelTokenValidator(BotFrameworkOptions options, SigningKeyCache keys, TimeProvider time) : ITokenRules
{
    public SigningKeyCache Keys => keys;

    public Task<SignedTokenResult> VerifyAsync(string token, JsonWebToken unverified, CancellationToken ct) =>
        SignedTokenCheck.ValidateAsync(token, unverified, this, signingKeys =>
        {
            var p = BotTokenRules.BaseParameters(time, signingKeys);
            p.ValidIssuer = options.ChannelIssuer;
            p.ValidateAudience = true;
            p.ValidAudience = options.MicrosoftAppId;
            return p;
        }, ct);

    public AuthVerdict Check(ValidatedToken token, Activity activity, DateTimeOffset now)
    {
        if (!BotTokenRules.IsWithinLifetime(token.NotBefore, token.Expires, now)) return AuthVerdict.Fail("token is outside its lifetime");
        if (!string.Equals(token.Issuer, options.ChannelIssuer, StringComparison.Ordinal)) return AuthVerdict.Fail("token issuer is not the channel's");
        if (!token.HasAudience(options.MicrosoftAppId)) return AuthVerdict.Fail("token audience is not this bot's app id");
        if (!SignedTokenCheck.IsEndorsed(token.Endorsements, activity.ChannelId, required: true))
        {
            return AuthVerdict.Fail(token.Endorsements is null
                ? $"signing key '{token.Kid}' has no endorsements"
                : $"signing key '{token.Kid}' is not endorsed for channel '{activity.ChannelId}'");
        }
        if (token.Claim(BotTokenRules.ServiceUrlClaim) is not { } claimed || string.IsNullOrWhiteSpace(claimed))
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
