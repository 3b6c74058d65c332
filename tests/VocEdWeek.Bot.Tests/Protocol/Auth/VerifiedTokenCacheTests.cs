using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Protocol.Auth;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Auth;

/// <summary>
/// A token Teams reuses is verified once per key set, and every activity it comes with is still judged in full: a kept
/// token past its expiry, whose key left the metadata, or shown with another serviceUrl or channel is refused like a new one.
/// </summary>
public sealed class VerifiedTokenCacheTests : IAsyncLifetime
{
    private const string AppId = AuthenticatedBot.AppId;
    private readonly CapturingLoggerProvider _logs = new();
    private FakeBotFrameworkIdentity _idp = null!;

    public async Task InitializeAsync() => _idp = await FakeBotFrameworkIdentity.StartAsync();

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    [Fact]
    public async Task Post_SameTokenAgain_IsVerifiedOnceAndPasses()
    {
        await using var bot = await StartAsync();
        var token = ValidToken();

        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, token));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, token));
        Assert.Equal(1, Authenticator(bot).VerifiedTokens);
    }

    [Fact]
    public async Task Post_KeptTokenPastItsExpiry_Returns401()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _idp.Time = clock;
        await using var bot = await StartAsync(clock);
        var token = ValidToken();
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, token));

        // One hour of lifetime plus the five minutes of skew, and one second more.
        clock.Advance(TimeSpan.FromMinutes(65) + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(bot, token));
        AssertReason("outside its lifetime");
    }

    [Fact]
    public async Task Post_KeptTokenWhoseKeyLeftTheMetadata_Returns401()
    {
        await using var bot = await StartAsync();
        var old = ValidToken();
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, old));

        // The key is withdrawn and a new one published; a token signed with the new one makes the bot fetch the keys again.
        _idp.WithdrawChannelKey(_idp.DefaultKey.Kid);
        var rotated = _idp.PublishChannelKey(TestSigningKey.CreateForTeams("channel-key-2"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, ValidToken(t => t.Key = rotated)));
        Assert.Equal(2, _idp.ChannelKeyRequests);

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(bot, old));
        AssertReason($"signing key '{_idp.DefaultKey.Kid}' is unknown");
    }

    [Fact]
    public async Task Post_KeptTokenWithAnotherServiceUrl_Returns401()
    {
        await using var bot = await StartAsync();
        var token = ValidToken();
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, token));

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(bot, token, TestActivities.Event(serviceUrl: "https://attacker.example.com/amer/")));
        AssertReason("serviceurl claim does not match");
        Assert.Equal(1, Authenticator(bot).VerifiedTokens);

        // The genuine activity still passes with it.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, token));
    }

    [Fact]
    public async Task Post_KeptTokenForAChannelItsKeyIsNotEndorsedFor_Returns401()
    {
        await using var bot = await StartAsync();
        var token = ValidToken();
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, token));

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(bot, token, TestActivities.Event(channelId: "skype")));
        AssertReason("is not endorsed for channel 'skype'");
    }

    private Task<TestHost> StartAsync(TimeProvider? clock = null) =>
        TestHost.StartAsync(new() { Identity = _idp, Clock = clock, Services = s => s.AddLogging(l => l.AddProvider(_logs)) });

    private static JwtInboundAuthenticator Authenticator(TestHost bot) =>
        Assert.IsType<JwtInboundAuthenticator>(bot.Services.GetRequiredService<IInboundAuthenticator>());

    private void AssertReason(string fragment)
    {
        var refusal = _logs.Entries.LastOrDefault(e => e.Category.EndsWith(nameof(JwtInboundAuthenticator), StringComparison.Ordinal));
        Assert.NotNull(refusal);
        Assert.True(refusal.Message.Contains(fragment, StringComparison.Ordinal), $"Expected '{fragment}' in: {refusal.Message}");
    }

    private string ValidToken(Action<BotTokenSpec>? customize = null) =>
        _idp.CreateChannelToken(AppId, TestActivities.ServiceUrl, customize);

    private static async Task<HttpStatusCode> PostAsync(TestHost bot, string token, JsonObject? activity = null)
    {
        using var response = await bot.PostActivityWithTokenAsync(activity ?? TestActivities.Event(), token);
        return response.StatusCode;
    }
}
