using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>
/// OpenID metadata plus the signing keys and endorsements read from the very same JWKS response,
/// so keys and endorsements can never be out of step. <see cref="Generation"/> orders snapshots.
/// </summary>
public sealed class EndorsedConfiguration(string metadataJson) : OpenIdConnectConfiguration(metadataJson)
{
    private IReadOnlyDictionary<string, IReadOnlyList<string>> _endorsements = new Dictionary<string, IReadOnlyList<string>>();

    public long Generation { get; private set; }

    /// <summary>Called once by the retriever, before the snapshot is shared.</summary>
    public void LoadKeys(string jwksJson, long generation)
    {
        JsonWebKeySet = JsonWebKeySet.Create(jwksJson);
        foreach (var key in JsonWebKeySet.GetSigningKeys()) SigningKeys.Add(key);
        _endorsements = JwksEndorsements.Parse(jwksJson);
        Generation = generation;
    }

    public SigningKeyMatch? Find(string kid)
    {
        var keys = SigningKeys.Where(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal)).ToArray();
        if (keys.Length == 0) return null;
        return new SigningKeyMatch(keys, _endorsements.TryGetValue(kid, out var endorsements) ? endorsements : null);
    }
}
