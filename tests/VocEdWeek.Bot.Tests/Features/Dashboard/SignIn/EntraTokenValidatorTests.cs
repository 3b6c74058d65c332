using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Features.Dashboard.SignIn;

/// <summary>
/// The tab's Entra token check against a fake tenant over real HTTPS: a valid v2 token (and a v1 one for the
/// Application ID URI) is accepted with the user's oid and names; every other kind is refused.
/// </summary>
public sealed class EntraTokenValidatorTests : IAsyncLifetime
{
    private EntraWorld _w = null!;

    public async Task InitializeAsync() => _w = await EntraWorld.StartAsync();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task ValidV2Token_IsAccepted_WithTheUsersObjectIdAndSignInName()
    {
        var result = await _w.Validator.ValidateAsync(_w.Token(), default);

        Assert.True(result.IsValid, result.Refusal);
        Assert.Equal(EntraWorld.StaffOid, result.Identity!.ObjectId);
        Assert.Equal(["wusuling@college.example.edu.cn"], result.Identity.Names);
    }

    [Fact]
    public async Task ValidV1Token_ForTheApplicationIdUri_IsAccepted_WithUpnAndEmail()
    {
        var token = _w.Token(t =>
        {
            t.Issuer = _w.Entra.IssuerV1;
            t.Audience = EntraWorld.ApplicationIdUri;
            t.Claims["ver"] = "1.0";
            t.Claims.Remove("preferred_username");
            t.Claims["upn"] = "wusuling@college.example.edu.cn";
            t.Claims["email"] = "wu.suling@college.example.edu.cn";
        });

        var result = await _w.Validator.ValidateAsync(token, default);

        Assert.True(result.IsValid, result.Refusal);
        Assert.Equal(["wusuling@college.example.edu.cn", "wu.suling@college.example.edu.cn"], result.Identity!.Names);
    }

    public static TheoryData<string, Action<BotTokenSpec>> Refused => new()
    {
        { "another app's audience", t => t.Audience = "00000003-0000-0000-c000-000000000000" },
        { "Application ID URI of another host", t => t.Audience = $"api://elsewhere.example.org/{EntraWorld.ClientId}" },
        { "no audience", t => t.Audience = null },
        { "issuer of the common endpoint", t => t.Issuer = "https://login.microsoftonline.com/common/v2.0" },
        { "issuer of another cloud", t => t.Issuer = $"https://login.partner.microsoftonline.cn/{EntraWorld.TenantId}/v2.0" },
        { "issuer with a trailing slash", t => t.Issuer = $"https://login.microsoftonline.com/{EntraWorld.TenantId}/v2.0/" },
        { "another tenant", t => { t.Issuer = "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0"; t.Claims["tid"] = "72f988bf-86f1-41af-91ab-2d7cd011db47"; } },
        { "this tenant's issuer but another tid", t => t.Claims["tid"] = "72f988bf-86f1-41af-91ab-2d7cd011db47" },
        { "expired beyond the 5-minute skew", t => { t.IssuedAt = t.NotBefore = t.Expires.AddHours(-2); t.Expires = DateTime.SpecifyKind(new DateTime(2026, 3, 2, 1, 24, 59), DateTimeKind.Utc); } },
        { "not valid for another 6 minutes", t => t.NotBefore = DateTime.SpecifyKind(new DateTime(2026, 3, 2, 1, 36, 0), DateTimeKind.Utc) },
        { "app-only token (no scp)", t => t.Claims.Remove("scp") },
        { "another scope", t => t.Claims["scp"] = "User.Read" },
        { "no oid", t => t.Claims.Remove("oid") },
        { "RS384 instead of RS256", t => t.Algorithm = SecurityAlgorithms.RsaSha384 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Token_IsRefused(string why, Action<BotTokenSpec> change)
    {
        var result = await _w.Validator.ValidateAsync(_w.Token(change), default);
        Assert.False(result.IsValid, why);
        Assert.Null(result.Identity);
    }

    [Fact]
    public async Task ExpiredWithinTheSkew_IsAccepted_UntilFiveMinutesPastExp()
    {
        var token = _w.Token(t =>
        {
            t.IssuedAt = t.NotBefore = DateTime.SpecifyKind(new DateTime(2026, 3, 2, 0, 26, 0), DateTimeKind.Utc);
            t.Expires = DateTime.SpecifyKind(new DateTime(2026, 3, 2, 1, 26, 0), DateTimeKind.Utc);
        });
        Assert.True((await _w.Validator.ValidateAsync(token, default)).IsValid);

        // Exactly 5 minutes past exp is still inside the skew; one second more is not.
        _w.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await _w.Validator.ValidateAsync(token, default)).IsValid);
        _w.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.False((await _w.Validator.ValidateAsync(token, default)).IsValid);
    }

    [Fact]
    public async Task Unsigned_AlgNone_IsRefused()
    {
        var valid = _w.Token();
        var header = $$"""{"alg":"none","typ":"JWT","kid":"{{_w.Entra.DefaultKey.Kid}}"}""";
        var unsigned = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(header)) + "." + valid.Split('.')[1] + ".";

        Assert.False((await _w.Validator.ValidateAsync(unsigned, default)).IsValid);
        // The same claims with their genuine signature pass: only the signature was missing.
        Assert.True((await _w.Validator.ValidateAsync(valid, default)).IsValid);
    }

    [Fact]
    public async Task Hs256WithThePublishedPublicKeyAsSecret_IsRefused()
    {
        var now = _w.Time.GetUtcNow().UtcDateTime;
        var secret = new SymmetricSecurityKey(_w.Entra.DefaultKey.PublicKeyBytes) { KeyId = _w.Entra.DefaultKey.Kid };
        var forged = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _w.Entra.IssuerV2,
            Audience = EntraWorld.ClientId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["tid"] = EntraWorld.TenantId, ["oid"] = EntraWorld.StaffOid, ["scp"] = "access_as_user" },
            SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
        });

        Assert.False((await _w.Validator.ValidateAsync(forged, default)).IsValid);
    }

    [Fact]
    public async Task SignedByAKeyTheTenantDoesNotPublish_IsRefused_AfterOneRefresh()
    {
        Assert.True((await _w.Validator.ValidateAsync(_w.Token(), default)).IsValid);
        var before = _w.Entra.KeyRequests;
        var stranger = TestSigningKey.Create("entra-key-1");

        // Same kid as the published key, other key pair: the signature does not verify.
        Assert.False((await _w.Validator.ValidateAsync(_w.Token(t => t.Key = stranger), default)).IsValid);
        // An unknown kid: one refresh, still unknown.
        Assert.False((await _w.Validator.ValidateAsync(_w.Token(t => t.Key = TestSigningKey.Create("made-up")), default)).IsValid);
        Assert.Equal(before + 1, _w.Entra.KeyRequests);
    }

    [Fact]
    public async Task KeyRollover_ANewKidIsFetchedAtOnce_AndTheWithdrawnKeyIsRefusedAfterTheNextRefresh()
    {
        Assert.True((await _w.Validator.ValidateAsync(_w.Token(), default)).IsValid);
        var next = _w.Entra.Publish(TestSigningKey.Create("entra-key-2"));
        _w.Entra.Withdraw(_w.Entra.DefaultKey.Kid);

        var result = await _w.Validator.ValidateAsync(_w.Token(t => t.Key = next), default);

        Assert.True(result.IsValid, result.Refusal);
        Assert.Equal(2, _w.Entra.KeyRequests);
        Assert.False((await _w.Validator.ValidateAsync(_w.Token(), default)).IsValid);
    }

    [Fact]
    public async Task MadeUpKids_RefreshTheKeysAtMostEveryFiveMinutes()
    {
        Assert.True((await _w.Validator.ValidateAsync(_w.Token(), default)).IsValid);
        for (var i = 0; i < 5; i++) await _w.Validator.ValidateAsync(_w.Token(t => t.Key = TestSigningKey.Create($"made-up-{i}")), default);
        Assert.Equal(2, _w.Entra.KeyRequests);

        _w.Time.Advance(TimeSpan.FromMinutes(5));
        var next = _w.Entra.Publish(TestSigningKey.Create("entra-key-2"));
        Assert.True((await _w.Validator.ValidateAsync(_w.Token(t => t.Key = next), default)).IsValid);
        Assert.Equal(3, _w.Entra.KeyRequests);
    }

    [Fact]
    public async Task KeysAreRefetchedAfterTwelveHours_KeptWhileEntraIsDown_AndRetriedFiveMinutesLater()
    {
        Assert.True((await _w.Validator.ValidateAsync(_w.Token(), default)).IsValid);
        _w.Time.Advance(TimeSpan.FromHours(12));
        _w.Entra.Unavailable = true;

        Assert.True((await _w.Validator.ValidateAsync(_w.Token(), default)).IsValid);
        _w.Entra.Unavailable = false;
        _w.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await _w.Validator.ValidateAsync(_w.Token(), default)).IsValid);
        Assert.Equal(1, _w.Entra.KeyRequests);

        _w.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.True((await _w.Validator.ValidateAsync(_w.Token(), default)).IsValid);
        Assert.Equal(2, _w.Entra.KeyRequests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not.a.jwt")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9")]
    public async Task Garbage_IsRefused_WithoutAThrow(string? token) =>
        Assert.False((await _w.Validator.ValidateAsync(token, default)).IsValid);
}
