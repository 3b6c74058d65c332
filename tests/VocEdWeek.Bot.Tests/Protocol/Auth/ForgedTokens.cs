using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Auth;

/// <summary>Tokens an attacker could build from public material: no signature, or the public key as an HMAC secret.</summary>
internal static class ForgedTokens
{
    /// <summary>A valid token's claims under an <c>alg: none</c> header naming a published kid, with an empty signature.</summary>
    public static string Unsigned(string validToken, string kid)
    {
        var header = $$"""{"alg":"none","typ":"JWT","kid":"{{kid}}"}""";
        return Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(header)) + "." + validToken.Split('.')[1] + ".";
    }

    /// <summary>HS256 "signed" with the published RSA public key bytes (classic algorithm-confusion attack).</summary>
    public static string HmacWithPublicKey(FakeBotFrameworkIdentity idp, string appId, string serviceUrl)
    {
        var now = DateTime.UtcNow;
        var secret = new SymmetricSecurityKey(idp.DefaultKey.PublicKeyBytes) { KeyId = idp.DefaultKey.Kid };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = idp.ChannelIssuer,
            Audience = appId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
        });
    }
}
