using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Protocol.Connector;

namespace VocEdWeek.Bot.Tests.Protocol.Connector;

/// <summary>The outgoing bearer token: MSAL against a local https token endpoint, cached, connector-only.</summary>
public sealed class ConnectorAuthTests
{
    [Fact]
    public async Task SingleTenant_TokenFromTenantAuthority_AttachedToEverySend_RequestedOnce()
    {
        await using var host = await ConnectorTestHost.StartAsync(credentials: "SingleTenant");

        for (var i = 0; i < 12; i++)
        {
            var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation("a:chat-" + (i % 3)), OutgoingMessage.FromText("n" + i)));
            Assert.True(result.Delivered);
        }
        var member = await host.RunAsync(() => host.Messenger.GetMemberAsync(host.Conversation(), "29:u"));

        Assert.NotNull(member);
        var tokenRequest = Assert.Single(host.Tokens!.Requests);
        Assert.Equal("POST", tokenRequest.Method);
        Assert.Equal($"/{ConnectorTestHost.TenantId}/oauth2/v2.0/token", tokenRequest.Path);
        Assert.Equal("client_credentials", tokenRequest.Form["grant_type"]);
        Assert.Equal(ConnectorTestHost.AppId, tokenRequest.Form["client_id"]);
        Assert.Equal("test-secret", tokenRequest.Form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest.Form["scope"]);
        Assert.Equal(13, host.Connector.Requests.Count);
        Assert.All(host.Connector.Requests, r => Assert.Equal("Bearer fake-token-1", r.Authorization));
    }

    [Fact]
    public async Task MultiTenant_TokenFromBotframeworkComAuthority()
    {
        await using var host = await ConnectorTestHost.StartAsync(credentials: "MultiTenant");

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("hi")));

        Assert.True(result.Delivered);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", Assert.Single(host.Tokens!.Requests).Path);
        Assert.Equal("Bearer fake-token-1", Assert.Single(host.Connector.Requests).Authorization);
    }

    [Fact]
    public async Task ConcurrentSends_ShareOneTokenAcquisition()
    {
        await using var host = await ConnectorTestHost.StartAsync(credentials: "SingleTenant");

        var results = await host.RunAsync(() => Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => host.Messenger.SendAsync(host.Conversation("a:c" + i), OutgoingMessage.FromText("x")))));

        Assert.All(results, r => Assert.True(r.Delivered));
        Assert.Single(host.Tokens!.Requests);
        Assert.All(host.Connector.Requests, r => Assert.Equal("Bearer fake-token-1", r.Authorization));
    }

    [Fact]
    public async Task TokenProvider_GivesTheSameCachedTokenForAttachmentDownloads()
    {
        await using var host = await ConnectorTestHost.StartAsync(credentials: "SingleTenant");
        var tokens = host.Services.GetRequiredService<ConnectorTokenProvider>();

        var first = await tokens.GetTokenAsync();
        var second = await tokens.GetTokenAsync();

        Assert.True(tokens.IsEnabled);
        Assert.Equal("fake-token-1", first);
        Assert.Equal(first, second);
        Assert.Single(host.Tokens!.Requests);
    }

    [Fact]
    public async Task TokenProvider_TokenWithinFiveMinutesOfExpiry_IsNotKept()
    {
        await using var host = await ConnectorTestHost.StartAsync(credentials: "SingleTenant");
        host.Tokens!.ExpiresInSeconds = 240;
        var tokens = host.Services.GetRequiredService<ConnectorTokenProvider>();

        var first = await tokens.GetTokenAsync();
        var second = await tokens.GetTokenAsync();

        Assert.Equal("fake-token-1", first);
        Assert.Equal("fake-token-2", second);
        Assert.Equal(2, host.Tokens.Requests.Count);
    }

    [Fact]
    public async Task Anonymous_NoAuthorizationHeaderAndNoToken()
    {
        await using var host = await ConnectorTestHost.StartAsync();
        var tokens = host.Services.GetRequiredService<ConnectorTokenProvider>();

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("hi")));

        Assert.True(result.Delivered);
        Assert.False(tokens.IsEnabled);
        Assert.Null(await tokens.GetTokenAsync());
        var request = Assert.Single(host.Connector.Requests);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task TokenRefused_SendFailsWithoutReachingTheConnector()
    {
        await using var host = await ConnectorTestHost.StartAsync(credentials: "SingleTenant");
        host.Tokens!.Failure = (401, """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}""");

        var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation(), OutgoingMessage.FromText("hi")));

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal("TokenAcquisitionFailed", result.ErrorCode);
        Assert.Contains("invalid_client", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(host.Connector.Requests);
        Assert.Single(host.Tokens.Requests);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("http://127.0.0.1:5000/", true)]
    [InlineData("http://localhost:3978/", true)]
    [InlineData("http://smba.trafficmanager.net/amer/", false)]
    [InlineData("http://10.0.0.5/", false)]
    public void AuthHandler_SendsTokenOnlyOverHttpsOrLoopback(string url, bool expected) =>
        Assert.Equal(expected, ConnectorAuthHandler.IsSafeTarget(new Uri(url)));
}
