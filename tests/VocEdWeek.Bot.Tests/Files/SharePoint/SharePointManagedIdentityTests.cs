using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Files.SharePoint;

/// <summary>
/// SharePoint with a UserAssignedMSI bot: Graph tokens from the managed identity (the bot's, or the one
/// SharePoint:ClientId names) against a fake App Service identity endpoint; a SharePoint secret of its own wins.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class SharePointManagedIdentityTests
{
    private const string TenantId = "contoso.onmicrosoft.com";

    private static Dictionary<string, string?> Config(FakeGraph graph, string botClientId, Dictionary<string, string?>? sharePoint = null)
    {
        var config = SharePointHarness.Config(graph, sharePoint);
        config["MicrosoftAppType"] = "UserAssignedMSI";
        config["MicrosoftAppId"] = botClientId;
        config["MicrosoftAppTenantId"] = TenantId;
        return config;
    }

    [Fact]
    public async Task The_bots_identity_uploads_with_its_own_token_and_no_secret_anywhere()
    {
        var clientId = Guid.NewGuid().ToString();
        await using var identity = await FakeIdentityEndpoint.StartAsync(clientId);
        await using var graph = await FakeGraph.StartAsync();
        graph.RequireToken = true;
        using var _ = identity.Use();
        var settings = SharePointHarness.Settings(Config(graph, clientId), "Production");

        var file = await SharePointHarness.Store(settings).UploadAsync(SharePointHarness.Upload("a.jpg", SharePointHarness.Bytes(1000)),
            SharePointHarness.OpenAt(SharePointHarness.Bytes(1000)), new MemoryCheckpoint(), default);

        Assert.True(settings.UseManagedIdentity);
        Assert.Null(settings.ClientSecret);
        Assert.Equal("a.jpg", file.Name);
        Assert.NotEmpty(graph.Requests);
        Assert.All(graph.Requests, r => Assert.Equal("Bearer msi-token-1", r.Authorization));
        var request = Assert.Single(identity.Requests);
        Assert.Equal(graph.Root, request.Resource);
        Assert.Equal(clientId, request.ClientId);
    }

    [Fact]
    public async Task SharePoint_ClientId_alone_names_another_identity_on_the_same_web_app()
    {
        var botId = Guid.NewGuid().ToString();
        var filesId = Guid.NewGuid().ToString();
        await using var identity = await FakeIdentityEndpoint.StartAsync(botId, filesId);
        await using var graph = await FakeGraph.StartAsync();
        using var _ = identity.Use();
        var settings = SharePointHarness.Settings(Config(graph, botId, new() { ["SharePoint:ClientId"] = filesId }));

        await SharePointHarness.Store(settings).UploadAsync(SharePointHarness.Upload("b.jpg", SharePointHarness.Bytes(10)),
            SharePointHarness.OpenAt(SharePointHarness.Bytes(10)), new MemoryCheckpoint(), default);

        Assert.True(settings.UseManagedIdentity);
        Assert.Equal(filesId, Assert.Single(identity.Requests).ClientId);
    }

    [Fact]
    public async Task A_SharePoint_secret_of_its_own_is_used_instead()
    {
        await using var graph = await FakeGraph.StartAsync();
        var settings = SharePointHarness.Settings(Config(graph, Guid.NewGuid().ToString(), new()
        {
            ["SharePoint:ClientId"] = "11111111-1111-1111-1111-111111111111",
            ["SharePoint:ClientSecret"] = "own",
        }));

        Assert.False(settings.UseManagedIdentity);
        Assert.Equal("own", settings.ClientSecret);
    }

    [Fact]
    public async Task An_unknown_client_id_is_said_naming_MicrosoftAppId()
    {
        var clientId = Guid.NewGuid().ToString();
        await using var identity = await FakeIdentityEndpoint.StartAsync(Guid.NewGuid().ToString());
        await using var graph = await FakeGraph.StartAsync();
        using var _ = identity.Use();

        var ex = await Assert.ThrowsAsync<RemoteStoreException>(() => SharePointHarness.Store(SharePointHarness.Settings(Config(graph, clientId)))
            .UploadAsync(SharePointHarness.Upload("c.jpg", SharePointHarness.Bytes(10)), SharePointHarness.OpenAt(SharePointHarness.Bytes(10)), new MemoryCheckpoint(), default));

        Assert.EndsWith($"The managed identity endpoint does not know client id {clientId}: set MicrosoftAppId to the client id of the user-assigned identity attached to this web app (or VM).", ex.Message, StringComparison.Ordinal);
        Assert.Empty(graph.Requests);
    }
}
