using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using VocEdWeek.Bot.Protocol.Auth;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Auth;

/// <summary>
/// Every way a request can fail Bot Framework authentication ends in a bare 401, through the real pipeline.
/// Each test also checks the logged reason, so a 401 for some other cause cannot pass by accident.
/// </summary>
public sealed class InboundJwtRejectionTests : IAsyncLifetime
{
    private const string AppId = AuthenticatedBot.AppId;
    private FakeBotFrameworkIdentity _idp = null!;
    private TestHost _bot = null!;
    private readonly CapturingLoggerProvider _logs = new();

    public async Task InitializeAsync()
    {
        _idp = await FakeBotFrameworkIdentity.StartAsync();
        _bot = await TestHost.StartAsync(new() { Identity = _idp, Services = s => s.AddLogging(l => l.AddProvider(_logs)) });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _idp.DisposeAsync();
    }

    [Fact]
    public async Task Post_WithoutAuthorizationHeader_Returns401()
    {
        using var response = await _bot.PostActivityAsync(TestActivities.Event(), authorization: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);
        AssertReason("no Authorization header");
    }

    [Theory]
    [InlineData("Basic {0}")]
    [InlineData("Token {0}")]
    [InlineData("{0}")]
    [InlineData("Bearer {0} extra")]
    [InlineData("Bearer")]
    public async Task Post_WithHeaderNotExactlyBearerToken_Returns401(string format)
    {
        var header = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, ValidToken());
        Assert.Equal(HttpStatusCode.Unauthorized, await PostWithHeaderAsync(header));
        AssertReason("not 'Bearer <token>'");
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJ9.c2ln")]
    [InlineData("....")]
    public async Task Post_WithMalformedToken_Returns401(string token)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(token));
        AssertReason("not a well-formed signed JWT");
    }

    [Fact]
    public async Task Post_SignedByUnknownKeyReusingPublishedKid_Returns401()
    {
        var impostor = TestSigningKey.CreateForTeams(_idp.DefaultKey.Kid);
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(ValidToken(t => t.Key = impostor)));
        AssertReason("SecurityTokenInvalidSignatureException");
    }

    [Fact]
    public async Task Post_ExpiredBeyondClockSkew_Returns401()
    {
        var token = ValidToken(t =>
        {
            t.IssuedAt = t.NotBefore = DateTime.UtcNow.AddHours(-1);
            t.Expires = DateTime.UtcNow.AddMinutes(-6);
        });
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(token));
        AssertReason("SecurityTokenInvalidLifetimeException");
    }

    [Fact]
    public async Task Post_NotYetValidBeyondClockSkew_Returns401()
    {
        var token = ValidToken(t =>
        {
            t.IssuedAt = DateTime.UtcNow;
            t.NotBefore = DateTime.UtcNow.AddMinutes(6);
            t.Expires = DateTime.UtcNow.AddHours(1);
        });
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(token));
        AssertReason("SecurityTokenInvalidLifetimeException");
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("https://api.botframework.com")]
    [InlineData(null)]
    public async Task Post_WithWrongOrMissingAudience_Returns401(string? audience)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(ValidToken(t => t.Audience = audience)));
        AssertReason("SecurityTokenInvalidAudienceException");
    }

    [Theory]
    [InlineData("https://evil.example.com")]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://api.botframework.azure.cn")]
    [InlineData(null)]
    public async Task Post_WithWrongIssuer_Returns401(string? issuer)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(ValidToken(t => t.Issuer = issuer)));
        AssertReason("SecurityTokenInvalidIssuerException");
    }

    [Fact]
    public async Task Post_WithAlgNone_Returns401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(ForgedTokens.Unsigned(ValidToken(), _idp.DefaultKey.Kid)));
        AssertReason("IDX10504"); // token has no signature
    }

    [Fact]
    public async Task Post_Hs256WithPublicKeyBytesAsSecret_Returns401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(ForgedTokens.HmacWithPublicKey(_idp, AppId, TestActivities.ServiceUrl)));
        AssertReason("SecurityTokenInvalidSignatureException");
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSsaPssSha256)]
    [InlineData(SecurityAlgorithms.RsaSsaPssSha512)]
    public async Task Post_SignedByPublishedKeyWithDisallowedAlgorithm_Returns401(string algorithm)
    {
        // The signature is genuine; only the algorithm is outside RS256/RS384/RS512.
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(ValidToken(t => t.Algorithm = algorithm)));
        AssertReason("SecurityTokenInvalidSignatureException");
    }

    [Fact]
    public async Task Post_KeyNotEndorsedForActivityChannel_Returns401()
    {
        var skypeOnly = _idp.PublishChannelKey(TestSigningKey.Create("skype-key", ["skype", "webchat"]));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(ValidToken(t => t.Key = skypeOnly)));
        AssertReason("is not endorsed for channel 'msteams'");
    }

    [Fact]
    public async Task Post_KeyWithoutEndorsements_Returns401()
    {
        var bare = _idp.PublishChannelKey(TestSigningKey.Create("bare-key", endorsements: null));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(ValidToken(t => t.Key = bare)));
        AssertReason("has no endorsements");
    }

    [Fact]
    public async Task Post_ServiceUrlClaimDiffersFromActivity_Returns401()
    {
        var token = ValidToken(t => t.ServiceUrl = "https://attacker.example.com/amer/");
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(token));
        AssertReason("serviceurl claim does not match");
    }

    [Fact]
    public async Task Post_ServiceUrlClaimMissing_Returns401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(ValidToken(t => t.ServiceUrl = null)));
        AssertReason("serviceurl claim is missing");
    }

    [Fact]
    public async Task Post_ActivityWithoutServiceUrl_Returns401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(ValidToken(), TestActivities.Event(serviceUrl: null)));
        AssertReason("serviceurl claim does not match");
    }

    [Fact]
    public async Task Post_UnknownKid_RefreshesOnceThenReturns401()
    {
        var unpublished = TestSigningKey.CreateForTeams("never-published");

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(ValidToken(t => t.Key = unpublished)));
        AssertReason("'never-published' is unknown, also after a refresh");
        Assert.Equal(2, _idp.ChannelKeyRequests); // first load + one refresh for the unknown kid

        // A second made-up kid within the refresh interval does not reach the key endpoint again.
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(ValidToken(t => t.Key = TestSigningKey.CreateForTeams("also-unknown"))));
        Assert.Equal(2, _idp.ChannelKeyRequests);

        Assert.Equal(HttpStatusCode.OK, await PostAsync(ValidToken()));
    }

    [Fact]
    public async Task Post_EmulatorTokenWhenEmulatorNotAccepted_Returns401()
    {
        var token = _idp.CreateEmulatorToken(AppId);
        var activity = TestActivities.Event(serviceUrl: "http://localhost:50123", channelId: "emulator");
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(token, activity));
        AssertReason("AcceptEmulatorTokens is false");
        Assert.Equal(0, _idp.EmulatorKeyRequests);
    }

    [Fact]
    public async Task Post_WhenMetadataUnavailable_Returns401ThenRecovers()
    {
        _idp.Unavailable = true;
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(ValidToken()));
        AssertReason("signing keys are unavailable");

        _idp.Unavailable = false;
        Assert.Equal(HttpStatusCode.OK, await PostAsync(ValidToken()));
    }

    /// <summary>The most recent refusal logged by the authenticator names <paramref name="fragment"/>.</summary>
    private void AssertReason(string fragment)
    {
        var refusal = _logs.Entries.LastOrDefault(e => e.Category.EndsWith(nameof(JwtInboundAuthenticator), StringComparison.Ordinal));
        Assert.NotNull(refusal);
        Assert.True(refusal.Message.Contains(fragment, StringComparison.Ordinal), $"Expected '{fragment}' in: {refusal.Message}");
    }

    private string ValidToken(Action<BotTokenSpec>? customize = null) =>
        _idp.CreateChannelToken(AppId, TestActivities.ServiceUrl, customize);

    private async Task<HttpStatusCode> PostAsync(string token, JsonObject? activity = null)
    {
        using var response = await _bot.PostActivityWithTokenAsync(activity ?? TestActivities.Event(), token);
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> PostWithHeaderAsync(string header)
    {
        using var response = await _bot.PostActivityAsync(TestActivities.Event(), header);
        return response.StatusCode;
    }
}
