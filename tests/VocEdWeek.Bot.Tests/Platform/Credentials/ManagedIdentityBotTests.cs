using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Files.SharePoint;

namespace VocEdWeek.Bot.Tests.Platform.Credentials;

/// <summary>
/// The real bot as <c>UserAssignedMSI</c> on a (fake) App Service: its reply to the connector and its Graph calls
/// carry exactly the tokens the identity endpoint issued; a client id the endpoint does not know is said in one log
/// line naming MicrosoftAppId at first use.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class ManagedIdentityBotTests : IAsyncLifetime
{
    private const string TenantId = "9b1d7e3a-2c4f-4a6b-8d0e-1f3a5c7e9b2d";
    private FakeBotFrameworkIdentity _idp = null!;
    private FakeConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _idp = await FakeBotFrameworkIdentity.StartAsync();
        _connector = await FakeConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _idp.DisposeAsync();
    }

    [Fact]
    public async Task Reply_and_Graph_calls_carry_the_tokens_the_identity_endpoint_issued()
    {
        var clientId = Guid.NewGuid().ToString();
        await using var identity = await FakeIdentityEndpoint.StartAsync(clientId);
        await using var graph = await FakeGraph.StartAsync();
        graph.RequireToken = true;
        using var _ = identity.Use();
        await using var bot = await BotAsync(clientId, new()
        {
            ["SharePoint:GraphBaseUrl"] = graph.BaseUrl,
            ["SharePoint:SiteId"] = FakeGraph.SiteId,
            ["SharePoint:DriveId"] = FakeGraph.DriveId,
        });

        using var response = await bot.PostActivityWithTokenAsync(Message("help"), _idp.CreateChannelToken(clientId, _connector.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var store = bot.Services.GetRequiredService<IRemoteFileStore>();
        var content = "年度总结"u8.ToArray();
        await store.UploadAsync(new RemoteUpload(["2024", "机电工程学院"], "a.txt", content.Length), _ => new MemoryStream(content), new MemoryCheckpoint(), default);

        Assert.Contains(_connector.Requests, r => r.Method == "POST" && r.Path.Contains("/activities", StringComparison.Ordinal));
        Assert.All(_connector.Requests, r => Assert.Equal("Bearer msi-token-1", r.Authorization));
        var graphCalls = graph.Requests.Where(r => r.Target.StartsWith("/v1.0/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(graphCalls);
        Assert.All(graphCalls, r => Assert.Equal("Bearer msi-token-2", r.Authorization));
        Assert.Equal(2, identity.Requests.Count);
        Assert.All(identity.Requests, r =>
        {
            Assert.Equal(clientId, r.ClientId);
            Assert.Equal(identity.Header, r.IdentityHeader);
            Assert.Equal("2019-08-01", r.ApiVersion);
        });
        Assert.Equal("https://api.botframework.com", identity.Requests[0].Resource);
        Assert.Equal(graph.Root, identity.Requests[1].Resource);
    }

    [Fact]
    public async Task Unknown_client_id_is_said_at_first_use_naming_MicrosoftAppId()
    {
        var clientId = Guid.NewGuid().ToString();
        await using var identity = await FakeIdentityEndpoint.StartAsync(Guid.NewGuid().ToString());
        using var _ = identity.Use();
        var logs = new CapturingLoggerProvider();
        await using var bot = await BotAsync(clientId, [], s => s.AddLogging(l => l.AddProvider(logs)));

        using var response = await bot.PostActivityWithTokenAsync(Message("help"), _idp.CreateChannelToken(clientId, _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Requests);
        Assert.Equal(clientId, Assert.Single(identity.Requests).ClientId);
        var said = Assert.Single(logs.Entries, e => e.Message.Contains("managed identity endpoint", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, said.Level);
        Assert.Contains(
            $"The managed identity endpoint does not know client id {clientId}: set MicrosoftAppId to the client id of the user-assigned identity attached to this web app",
            said.Message, StringComparison.Ordinal);
        Assert.Null(said.Exception);
    }

    private Task<TestHost> BotAsync(string clientId, Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        settings["MicrosoftAppType"] = "UserAssignedMSI";
        settings["MicrosoftAppId"] = clientId;
        settings["MicrosoftAppPassword"] = "";
        settings["MicrosoftAppTenantId"] = TenantId;
        settings["Connector:MaxAttempts"] = "1";
        return TestHost.StartAsync(new() { Identity = _idp, Settings = settings, Services = services });
    }

    private JsonObject Message(string text) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = _connector.ServiceUrl,
        ["text"] = text,
        ["conversation"] = new JsonObject { ["id"] = "a:msi-conversation", ["conversationType"] = "personal", ["tenantId"] = TenantId },
        ["from"] = new JsonObject { ["id"] = "29:msi-user", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000aa", ["name"] = "Someone" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "VocEdWeek" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };

}
