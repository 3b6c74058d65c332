using Microsoft.IdentityModel.JsonWebTokens;

namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>
/// One kind of token (the channel's, the Emulator's): how it is verified once, and what is checked against each activity
/// it comes with — lifetime, issuer and audience again, the key's endorsement of the activity's channel, and the claims
/// that must match the activity.
/// </summary>
public interface ITokenRules
{
    SigningKeyCache Keys { get; }

    /// <summary>Key by <c>kid</c>, signature, algorithm, issuer, audience and lifetime.</summary>
    Task<SignedTokenResult> VerifyAsync(string token, JsonWebToken unverified, CancellationToken ct);

    AuthVerdict Check(ValidatedToken token, Activity activity, DateTimeOffset now);
}
