using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Protocol.Connector;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Protocol.Connector;

namespace VocEdWeek.Bot.Tests.Platform.Credentials;

/// <summary>
/// The connector's token as UserAssignedMSI (production wiring, fake App Service identity endpoint): asked for the
/// configured scope with the identity's client id, cached until near expiry, one acquisition at a time.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class ManagedIdentityConnectorTests
{
    [Fact]
    public async Task Many_sends_one_identity_request_for_the_botframework_scope()
    {
        var clientId = Guid.NewGuid().ToString();
        await using var identity = await FakeIdentityEndpoint.StartAsync(clientId);
        using var _ = identity.Use();
        await using var host = await ConnectorTestHost.StartAsync(settings: Msi(clientId));

        for (var i = 0; i < 6; i++)
        {
            var result = await host.RunAsync(() => host.Messenger.SendAsync(host.Conversation("a:chat-" + i), OutgoingMessage.FromText("n" + i)));
            Assert.True(result.Delivered);
        }

        var request = Assert.Single(identity.Requests);
        Assert.Equal("https://api.botframework.com", request.Resource);
        Assert.Equal(clientId, request.ClientId);
        Assert.Equal(6, host.Connector.Requests.Count);
        Assert.All(host.Connector.Requests, r => Assert.Equal("Bearer msi-token-1", r.Authorization));
    }

    [Fact]
    public async Task Concurrent_sends_share_one_acquisition()
    {
        var clientId = Guid.NewGuid().ToString();
        await using var identity = await FakeIdentityEndpoint.StartAsync(clientId);
        using var _ = identity.Use();
        await using var host = await ConnectorTestHost.StartAsync(settings: Msi(clientId));

        var results = await host.RunAsync(() => Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => host.Messenger.SendAsync(host.Conversation("a:c" + i), OutgoingMessage.FromText("x")))));

        Assert.All(results, r => Assert.True(r.Delivered));
        Assert.Single(identity.Requests);
        Assert.All(host.Connector.Requests, r => Assert.Equal("Bearer msi-token-1", r.Authorization));
    }

    [Fact]
    public async Task A_token_near_its_expiry_is_not_used_again()
    {
        // Issued with 4 minutes left: inside the 5-minute margin Azure.Identity (MSAL) keeps before expiry.
        var clientId = Guid.NewGuid().ToString();
        await using var identity = await FakeIdentityEndpoint.StartAsync(clientId);
        identity.TokenLifetime = TimeSpan.FromMinutes(4);
        using var _ = identity.Use();
        await using var host = await ConnectorTestHost.StartAsync(settings: Msi(clientId));
        var tokens = host.Services.GetRequiredService<ConnectorTokenProvider>();

        Assert.Equal("msi-token-1", await tokens.GetTokenAsync());
        Assert.Equal("msi-token-2", await tokens.GetTokenAsync());
        identity.TokenLifetime = TimeSpan.FromHours(24);
        Assert.Equal("msi-token-3", await tokens.GetTokenAsync());
        Assert.Equal("msi-token-3", await tokens.GetTokenAsync());
        Assert.Equal(3, identity.Requests.Count);
    }

    [Fact]
    public async Task China_cloud_asks_for_the_21Vianet_connector_scope()
    {
        var clientId = Guid.NewGuid().ToString();
        await using var identity = await FakeIdentityEndpoint.StartAsync(clientId);
        using var _ = identity.Use();
        var settings = Msi(clientId);
        settings["Cloud"] = "China";
        await using var host = await ConnectorTestHost.StartAsync(settings: settings);

        var tokens = host.Services.GetRequiredService<ConnectorTokenProvider>();

        Assert.True(tokens.IsEnabled);
        Assert.Equal("msi-token-1", await tokens.GetTokenAsync());
        Assert.Equal("https://api.botframework.azure.cn", Assert.Single(identity.Requests).Resource);
    }

    [Fact]
    public async Task Pasted_images_are_fetched_from_the_connector_with_the_identitys_token()
    {
        var clientId = Guid.NewGuid().ToString();
        await using var identity = await FakeIdentityEndpoint.StartAsync(clientId);
        using var _ = identity.Use();
        await using var host = await ConnectorTestHost.StartAsync(settings: Msi(clientId));
        host.Connector.ScriptAlways("GET", "/v3/attachments/", FakeResponse.Json(200, "{}"));
        var downloader = host.Services.GetRequiredService<IFileDownloader>();

        using var download = await downloader.OpenAsync(PastedImage(host), default);

        Assert.Equal("Bearer msi-token-1", Assert.Single(host.Connector.Requests).Authorization);
    }

    [Fact]
    public async Task A_pasted_image_with_an_unknown_client_id_fails_in_words()
    {
        await using var identity = await FakeIdentityEndpoint.StartAsync(Guid.NewGuid().ToString());
        using var _ = identity.Use();
        await using var host = await ConnectorTestHost.StartAsync(settings: Msi(Guid.NewGuid().ToString()));
        var downloader = host.Services.GetRequiredService<IFileDownloader>();

        var ex = await Assert.ThrowsAsync<FileDownloadException>(() => downloader.OpenAsync(PastedImage(host), default));

        Assert.StartsWith("The managed identity endpoint does not know client id (MicrosoftAppId): set MicrosoftAppId to the client id", ex.Message, StringComparison.Ordinal);
        Assert.Empty(host.Connector.Requests);
    }

    private static IncomingFile PastedImage(ConnectorTestHost host) =>
        new("image.png", "image/png", host.Connector.ServiceUrl + "v3/attachments/0-eus-d1-abc/views/original", true, null);

    private static Dictionary<string, string?> Msi(string clientId) => new()
    {
        ["MicrosoftAppType"] = "UserAssignedMSI",
        ["MicrosoftAppId"] = clientId,
        ["MicrosoftAppTenantId"] = ConnectorTestHost.TenantId,
    };
}
