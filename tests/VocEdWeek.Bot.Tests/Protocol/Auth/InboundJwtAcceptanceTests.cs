using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using VocEdWeek.Bot.Protocol.Auth;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Auth;

/// <summary>Genuine Bot Framework requests pass (200) through the real pipeline, including key rotation and clock skew.</summary>
public sealed class InboundJwtAcceptanceTests : IAsyncLifetime
{
    private const string AppId = AuthenticatedBot.AppId;
    private FakeBotFrameworkIdentity _idp = null!;

    public async Task InitializeAsync() => _idp = await FakeBotFrameworkIdentity.StartAsync();

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    [Fact]
    public async Task Post_WithValidToken_Returns200AndFetchesKeysOnce()
    {
        await using var bot = await TestHost.StartAsync(new() { Identity = _idp });

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, ValidToken()));
        }
        Assert.Equal(1, _idp.ChannelMetadataRequests);
        Assert.Equal(1, _idp.ChannelKeyRequests);
    }

    [Fact]
    public async Task Post_DuringARehearsal_StillChecksTokensOnTheRealClock()
    {
        // The office rehearses the 2024 week in 2026: Teams' tokens carry 2026 times and must still pass.
        await using var bot = await TestHost.StartAsync(new() { Identity = _idp, Settings = { ["Clock:StartAt"] = "2024-05-14T09:30:00+08:00" } });
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, ValidToken()));
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task Post_WithOtherAllowedRsaAlgorithm_Returns200(string algorithm)
    {
        await using var bot = await TestHost.StartAsync(new() { Identity = _idp });
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, ValidToken(t => t.Algorithm = algorithm)));
    }

    [Fact]
    public async Task Post_ExpiredThreeMinutesAgo_Returns200WithinClockSkew()
    {
        await using var bot = await TestHost.StartAsync(new() { Identity = _idp });
        var token = ValidToken(t =>
        {
            t.IssuedAt = t.NotBefore = DateTime.UtcNow.AddHours(-1);
            t.Expires = DateTime.UtcNow.AddMinutes(-3);
        });
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, token));
    }

    [Fact]
    public async Task Post_NotBeforeThreeMinutesAhead_Returns200WithinClockSkew()
    {
        await using var bot = await TestHost.StartAsync(new() { Identity = _idp });
        var token = ValidToken(t =>
        {
            t.IssuedAt = DateTime.UtcNow;
            t.NotBefore = DateTime.UtcNow.AddMinutes(3);
        });
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, token));
    }

    [Fact]
    public async Task Post_KeyRotatedInAfterStartup_RefreshesKeysAndReturns200()
    {
        await using var bot = await TestHost.StartAsync(new() { Identity = _idp });
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, ValidToken()));
        Assert.Equal(1, _idp.ChannelKeyRequests);

        var rotated = _idp.PublishChannelKey(TestSigningKey.CreateForTeams("channel-key-2"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, ValidToken(t => t.Key = rotated)));
        Assert.Equal(2, _idp.ChannelKeyRequests);

        // Both keys are now cached: no further fetches.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, ValidToken(t => t.Key = rotated)));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, ValidToken()));
        Assert.Equal(2, _idp.ChannelKeyRequests);
    }

    [Fact]
    public async Task Post_ServiceUrlClaimDiffersOnlyInCase_Returns200()
    {
        await using var bot = await TestHost.StartAsync(new() { Identity = _idp });
        var token = _idp.CreateChannelToken(AppId, TestActivities.ServiceUrl.ToUpperInvariant());
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, token));
    }

    [Fact]
    public async Task Post_ActivityWithoutChannelId_PassesEndorsementCheck()
    {
        await using var bot = await TestHost.StartAsync(new() { Identity = _idp });
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, ValidToken(), TestActivities.Event(channelId: null)));
    }

    [Fact]
    public async Task Post_LifetimeIsJudgedByTheBotsTimeProvider()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(3));
        await using var bot = await TestHost.StartAsync(new() { Identity = _idp, Clock = clock });

        // Valid by the wall clock, long expired by the bot's clock.
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(bot, ValidToken()));

        _idp.Time = clock;
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, ValidToken()));
    }

    [Fact]
    public async Task Post_EmulatorV1TokenWhenAccepted_Returns200()
    {
        await using var bot = await EmulatorBotAsync();
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, _idp.CreateEmulatorToken(AppId), EmulatorActivity()));
        Assert.Equal(0, _idp.ChannelKeyRequests);
    }

    [Fact]
    public async Task Post_EmulatorV2TokenWhenAccepted_Returns200()
    {
        await using var bot = await EmulatorBotAsync();
        var token = _idp.CreateEmulatorToken(AppId, t =>
        {
            t.Issuer = FakeBotFrameworkIdentity.EmulatorIssuerV2;
            t.Claims.Remove("appid");
            t.Claims["ver"] = "2.0";
            t.Claims["azp"] = AppId;
        });
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, token, EmulatorActivity()));
    }

    [Fact]
    public async Task Post_EmulatorTokenFromOwnTenantIssuer_Returns200()
    {
        await using var bot = await EmulatorBotAsync();
        var token = _idp.CreateEmulatorToken(AppId, t =>
        {
            t.Issuer = $"https://sts.windows.net/{AuthenticatedBot.TenantId}/";
            t.Claims["tid"] = AuthenticatedBot.TenantId;
        });
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, token, EmulatorActivity()));
    }

    [Theory]
    [InlineData("appid", "00000000-0000-0000-0000-000000000000", "1.0")]
    [InlineData("azp", AppId, "1.0")]
    [InlineData("appid", AppId, "3.0")]
    public async Task Post_EmulatorTokenForAnotherAppOrVersion_Returns401(string claim, string value, string version)
    {
        await using var bot = await EmulatorBotAsync();
        var token = _idp.CreateEmulatorToken(AppId, t =>
        {
            t.Claims.Remove("appid");
            t.Claims[claim] = value;
            t.Claims["ver"] = version;
        });
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(bot, token, EmulatorActivity()));
    }

    [Fact]
    public async Task Post_WithEmptyAppId_StaysAnonymous()
    {
        await using var bot = await TestHost.StartAsync(new() { Identity = _idp, Settings = { ["MicrosoftAppId"] = "" } });
        // Anonymous mode only talks to loopback connectors (issue 15).
        using var response = await bot.PostActivityAsync(TestActivities.Event("http://127.0.0.1:9/"), authorization: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.IsType<AnonymousAuthenticator>(bot.Services.GetRequiredService<IInboundAuthenticator>());
    }

    [Fact]
    public async Task Post_WhenRejected_LogsReasonButNeverTheToken()
    {
        var logs = new CapturingLoggerProvider();
        await using var bot = await TestHost.StartAsync(new() { Identity = _idp, Services = s => s.AddLogging(l => l.AddProvider(logs)) });
        var token = ValidToken(t => t.ServiceUrl = "https://attacker.example.com/");

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(bot, token));

        var refusal = Assert.Single(logs.Entries, e => e.Category.EndsWith(nameof(JwtInboundAuthenticator), StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, refusal.Level);
        Assert.Contains("serviceurl", refusal.Message, StringComparison.Ordinal);
        var signature = token.Split('.')[2];
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(signature, StringComparison.Ordinal) || e.Message.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_WhenMetadataUnavailable_LogsWarning()
    {
        var logs = new CapturingLoggerProvider();
        await using var bot = await TestHost.StartAsync(new() { Identity = _idp, Services = s => s.AddLogging(l => l.AddProvider(logs)) });
        _idp.Unavailable = true;

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(bot, ValidToken()));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Category.EndsWith(nameof(SigningKeyCache), StringComparison.Ordinal));
    }

    private Task<TestHost> EmulatorBotAsync() =>
        TestHost.StartAsync(new() { Identity = _idp, Settings = { ["AcceptEmulatorTokens"] = "true" } });

    private static JsonObject EmulatorActivity() => TestActivities.Event(serviceUrl: "http://localhost:50123", channelId: "emulator");

    private string ValidToken(Action<BotTokenSpec>? customize = null) =>
        _idp.CreateChannelToken(AppId, TestActivities.ServiceUrl, customize);

    private static async Task<HttpStatusCode> PostAsync(TestHost bot, string token, JsonObject? activity = null)
    {
        using var response = await bot.PostActivityWithTokenAsync(activity ?? TestActivities.Event(), token);
        return response.StatusCode;
    }
}
