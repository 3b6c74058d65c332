using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>An RSA key pair with a kid and the Bot Framework <c>endorsements</c> it is published with (null = none).</summary>
public sealed class TestSigningKey
{
    private TestSigningKey(string kid, RSA rsa, IReadOnlyList<string>? endorsements)
    {
        Kid = kid;
        Rsa = rsa;
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(rsa) { KeyId = kid };
    }

    public string Kid { get; }

    public RSA Rsa { get; }

    public RsaSecurityKey SecurityKey { get; }

    public IReadOnlyList<string>? Endorsements { get; }

    /// <summary>The public key as DER SubjectPublicKeyInfo (what a key-confusion attacker would use as an HMAC secret).</summary>
    public byte[] PublicKeyBytes => Rsa.ExportSubjectPublicKeyInfo();

    public static TestSigningKey Create(string? kid = null, IReadOnlyList<string>? endorsements = null) =>
        new(kid ?? "key-" + Guid.NewGuid().ToString("N")[..8], RSA.Create(2048), endorsements);

    /// <summary>Creates a key endorsed for Teams, like the real Bot Framework keys.</summary>
    public static TestSigningKey CreateForTeams(string? kid = null) => Create(kid, ["msteams"]);

    public JsonObject ToJwk()
    {
        var p = Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
        if (Endorsements is not null) jwk["endorsements"] = new JsonArray(Endorsements.Select(e => (JsonNode?)e).ToArray());
        return jwk;
    }
}
