using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Files.SharePoint;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Files.SharePoint;

public sealed class SharePointSettingsTests
{
    private const string AppId = "00000000-0000-0000-0000-0000000000b0";

    private static Dictionary<string, string?> Production(Dictionary<string, string?> sharePoint)
    {
        var config = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "bot-secret",
            ["MicrosoftAppTenantId"] = "contoso.onmicrosoft.com",
        };
        foreach (var (k, v) in sharePoint) config["SharePoint:" + k] = v;
        return config;
    }

    private static SharePointSettings? From(Dictionary<string, string?> config, string environment = "Production") =>
        SharePointSettings.From(new ConfigurationBuilder().AddInMemoryCollection(config).Build(), environment);

    [Fact]
    public void Without_a_site_SharePoint_is_off()
    {
        Assert.Null(From(Production(new() { ["RootFolder"] = "x", ["ClientSecret"] = "s" })));
    }

    [Fact]
    public void The_public_cloud_and_the_bot_credentials_are_the_defaults()
    {
        var s = From(Production(new() { ["SiteHostName"] = "contoso.sharepoint.com", ["SitePath"] = "/sites/Office/" }))!;

        Assert.Equal("https://graph.microsoft.com/v1.0", s.GraphBaseUrl);
        Assert.Equal("https://login.microsoftonline.com", s.AuthorityHost);
        Assert.Equal("https://graph.microsoft.com/.default", s.Scope);
        Assert.Equal(AppId, s.ClientId);
        Assert.Equal("bot-secret", s.ClientSecret);
        Assert.Equal("contoso.onmicrosoft.com", s.TenantId);
        Assert.Equal("sites/Office", s.SitePath);
        Assert.Equal(["职业教育活动周"], s.RootFolder);
        Assert.Equal(4 * 1024 * 1024, s.SimpleUploadMaxBytes);
        Assert.Equal(10 * 1024 * 1024, s.ChunkBytes);
        Assert.False(s.IsAnonymous);
        Assert.True(s.IsKnownAuthority);
    }

    [Fact]
    public void The_China_cloud_gives_the_21Vianet_Graph_and_authority()
    {
        var config = Production(new() { ["SiteId"] = FakeGraph.SiteId, ["TenantId"] = "tenant-cn", ["ClientId"] = "11111111-1111-1111-1111-111111111111", ["ClientSecret"] = "own" });
        config["Cloud"] = "China";

        var s = From(config)!;

        Assert.Equal("https://microsoftgraph.chinacloudapi.cn/v1.0", s.GraphBaseUrl);
        Assert.Equal("https://login.chinacloudapi.cn", s.AuthorityHost);
        Assert.Equal("https://microsoftgraph.chinacloudapi.cn/.default", s.Scope);
        Assert.Equal("11111111-1111-1111-1111-111111111111", s.ClientId);
        Assert.Equal("own", s.ClientSecret);
        Assert.Equal("tenant-cn", s.TenantId);
    }

    [Fact]
    public async Task A_China_cloud_token_is_asked_for_the_21Vianet_Graph_scope()
    {
        await using var tokens = await FakeTokenServer.StartAsync();
        var config = Production(new() { ["SiteId"] = FakeGraph.SiteId, ["AuthorityHost"] = tokens.BaseUrl });
        config["Cloud"] = "China";
        var s = From(config)!;
        var provider = new GraphTokenProvider(() => GraphCredentials.Create(s, tokens.CreateTrustingHandler()), s.Scope, TimeProvider.System);

        Assert.Equal("fake-token-1", await provider.GetTokenAsync(default));
        Assert.Equal("fake-token-1", await provider.GetTokenAsync(default));
        provider.Invalidate();
        Assert.Equal("fake-token-2", await provider.GetTokenAsync(default));

        Assert.Equal(2, tokens.Requests.Count);
        Assert.Equal("https://microsoftgraph.chinacloudapi.cn/.default", tokens.Requests[0].Form["scope"]);
        Assert.Equal("/contoso.onmicrosoft.com/oauth2/v2.0/token", tokens.Requests[0].Path);
    }

    [Theory]
    [InlineData("ChunkBytes", "1000", "SharePoint:ChunkBytes")]
    [InlineData("ChunkBytes", "62914560", "SharePoint:ChunkBytes")]
    [InlineData("ChunkBytes", "ten", "ChunkBytes")]
    [InlineData("SimpleUploadMaxBytes", "-1", "SharePoint:SimpleUploadMaxBytes")]
    [InlineData("SimpleUploadMaxBytes", "300000000", "SharePoint:SimpleUploadMaxBytes")]
    [InlineData("GraphBaseUrl", "http://graph.example.com/v1.0", "SharePoint:GraphBaseUrl")]
    [InlineData("GraphBaseUrl", "graph", "SharePoint:GraphBaseUrl")]
    [InlineData("AuthorityHost", "http://login.example.com", "SharePoint:AuthorityHost")]
    [InlineData("SiteHostName", "https://contoso.sharepoint.com/sites/Office", "SharePoint:SiteHostName")]
    [InlineData("DriveName", "Documents", "SharePoint:DriveName")]
    [InlineData("ClientId", "not-a-guid", "SharePoint:ClientId")]
    [InlineData("CertificatePath", "/nowhere/app.pfx", "SharePoint:CertificatePath")]
    [InlineData("MaxAttempts", "0", "SharePoint:MaxAttempts")]
    public void Bad_values_stop_start_up_naming_the_key(string key, string value, string named)
    {
        var config = Production(new() { ["SiteHostName"] = "contoso.sharepoint.com", ["DriveId"] = "b!x", [key] = value });
        if (key == "SiteHostName") config["SharePoint:SiteId"] = null;
        if (key == "DriveName") config["SharePoint:SiteHostName"] = null;

        var ex = Assert.Throws<ConfigurationException>(() => From(config));

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_a_site_id_and_a_host_name_is_ambiguous()
    {
        var ex = Assert.Throws<ConfigurationException>(() => From(Production(new() { ["SiteId"] = FakeGraph.SiteId, ["SiteHostName"] = "contoso.sharepoint.com" })));
        Assert.Contains("SharePoint:SiteId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_tenant_or_secret_is_named()
    {
        var noTenant = Production(new() { ["SiteId"] = FakeGraph.SiteId });
        noTenant["MicrosoftAppTenantId"] = "";
        Assert.Contains("SharePoint:TenantId", Assert.Throws<ConfigurationException>(() => From(noTenant)).Message, StringComparison.Ordinal);

        var noSecret = Production(new() { ["SiteId"] = FakeGraph.SiteId });
        noSecret["MicrosoftAppPassword"] = "";
        Assert.Contains("SharePoint:ClientSecret", Assert.Throws<ConfigurationException>(() => From(noSecret)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_credentials_only_a_local_fake_outside_Production_is_allowed()
    {
        var real = new Dictionary<string, string?> { ["SharePoint:SiteId"] = FakeGraph.SiteId };
        Assert.Contains("SharePoint:ClientId", Assert.Throws<ConfigurationException>(() => From(real, "Development")).Message, StringComparison.Ordinal);

        var local = new Dictionary<string, string?> { ["SharePoint:SiteId"] = FakeGraph.SiteId, ["SharePoint:GraphBaseUrl"] = "http://127.0.0.1:5999/v1.0" };
        Assert.True(From(local, "Development")!.IsAnonymous);
        Assert.Contains("SharePoint:ClientId", Assert.Throws<ConfigurationException>(() => From(local, "Production")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bot_registers_the_store_only_when_a_site_is_configured()
    {
        using (var without = new BotApp())
        {
            Assert.Null(without.Services.GetService<IRemoteFileStore>());
        }
        using var with = new BotApp(new() { ["SharePoint:SiteId"] = FakeGraph.SiteId, ["SharePoint:GraphBaseUrl"] = "http://127.0.0.1:5999/v1.0" });
        Assert.IsType<SharePointFileStore>(with.Services.GetService<IRemoteFileStore>());
    }

    [Fact]
    public void The_bot_does_not_start_with_bad_SharePoint_settings()
    {
        var settings = new Dictionary<string, string?> { ["SharePoint:SiteId"] = FakeGraph.SiteId, ["SharePoint:GraphBaseUrl"] = "http://127.0.0.1:5999/v1.0", ["SharePoint:ChunkBytes"] = "1000" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var ex = Assert.Throws<ConfigurationException>(() => new ServiceCollection().AddSharePoint(configuration));
        Assert.Contains("SharePoint:ChunkBytes", ex.Message, StringComparison.Ordinal);
        // Program turns it into one line on stderr and exit code 2 (the e2e smoke spec checks the real process).
        using var app = new BotApp(settings);
        Assert.ThrowsAny<Exception>(() => app.Services);
    }
}
