using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VocEdWeek.Bot.Protocol.Auth;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Auth;

/// <summary>
/// Shows that the RS256/RS384/RS512 allow-list, not some other check, is what refuses a token whose
/// signature would otherwise verify: the same token passes once the allow-list is removed.
/// </summary>
public sealed class AllowedAlgorithmTests
{
    private const string Issuer = "https://api.botframework.com";
    private const string Audience = "3f2a6c1e-8b4d-4e8a-9c1f-2d7e5a9b0c41";
    private static readonly JsonWebTokenHandler Handler = new();

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSsaPssSha256)]
    [InlineData(SecurityAlgorithms.RsaSsaPssSha384)]
    public async Task GenuineRsaPssSignature_IsRefusedOnlyByTheAllowList(string algorithm)
    {
        var key = TestSigningKey.CreateForTeams();
        var token = Mint(new SigningCredentials(key.SecurityKey, algorithm));

        Assert.False((await Handler.ValidateTokenAsync(token, Parameters(key.SecurityKey))).IsValid);
        Assert.True((await Handler.ValidateTokenAsync(token, Parameters(key.SecurityKey, allowList: false))).IsValid);
    }

    [Fact]
    public async Task Hs256KeyedWithPublicKeyBytes_IsRefusedEvenIfTheSecretWereTrusted()
    {
        var key = TestSigningKey.CreateForTeams();
        var secret = new SymmetricSecurityKey(key.PublicKeyBytes) { KeyId = key.Kid };
        var token = Mint(new SigningCredentials(secret, SecurityAlgorithms.HmacSha256));

        // Worst case: a confused resolver hands the public key bytes over as an HMAC key.
        Assert.False((await Handler.ValidateTokenAsync(token, Parameters(secret))).IsValid);
        Assert.True((await Handler.ValidateTokenAsync(token, Parameters(secret, allowList: false))).IsValid);
    }

    [Fact]
    public async Task Rs256Signature_IsAccepted()
    {
        var key = TestSigningKey.CreateForTeams();
        var token = Mint(new SigningCredentials(key.SecurityKey, SecurityAlgorithms.RsaSha256));
        Assert.True((await Handler.ValidateTokenAsync(token, Parameters(key.SecurityKey))).IsValid);
    }

    private static TokenValidationParameters Parameters(SecurityKey key, bool allowList = true)
    {
        var p = BotTokenRules.BaseParameters(TimeProvider.System, [key]);
        p.ValidIssuer = Issuer;
        p.ValidAudience = Audience;
        if (!allowList) p.ValidAlgorithms = null;
        return p;
    }

    private static string Mint(SigningCredentials credentials) => Handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = credentials,
    });
}
