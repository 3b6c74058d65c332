using Microsoft.Extensions.Configuration;
using VocEdWeek.Bot.Features.Dashboard.SignIn;

namespace VocEdWeek.Bot.Tests.Features.Dashboard.SignIn;

/// <summary>Which Entra app and tenant the tab trusts, from the bot's own settings or the TabSso section.</summary>
public sealed class TabSsoSettingsTests
{
    private const string AppId = "3f2a6c1e-8b4d-4e8a-9c1f-2d7e5a9b0c41";
    private const string Tenant = "6f1a8c2e-0000-4000-8000-00000000c0de";

    private static TabSsoSettings From(params (string Key, string Value)[] values) =>
        TabSsoSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build());

    [Fact]
    public void TheBotsOwnApp_IsTheDefault_WithTheTenantsExactIssuersAndBothAudiences()
    {
        var s = From(("MicrosoftAppId", AppId), ("MicrosoftAppTenantId", Tenant), ("Links:PublicBaseUrl", "https://bot.college.edu.cn/vocedweek"));

        Assert.True(s.Enabled);
        Assert.Equal(AppId, s.ClientId);
        Assert.Equal($"https://login.microsoftonline.com/{Tenant}/v2.0/.well-known/openid-configuration", s.MetadataUrl);
        Assert.Equal([$"https://sts.windows.net/{Tenant}/", $"https://login.microsoftonline.com/{Tenant}/v2.0"], s.Issuers);
        Assert.Equal([$"api://bot.college.edu.cn/{AppId}", AppId], s.Audiences);
    }

    [Fact]
    public void China_UsesTheLoginAndTokenHostsOf21Vianet()
    {
        var s = From(("Cloud", "China"), ("MicrosoftAppId", AppId), ("MicrosoftAppTenantId", Tenant), ("Links:PublicBaseUrl", "https://bot.college.edu.cn"));

        Assert.Equal($"https://login.partner.microsoftonline.cn/{Tenant}/v2.0/.well-known/openid-configuration", s.MetadataUrl);
        Assert.Equal([$"https://sts.chinacloudapi.cn/{Tenant}/", $"https://login.partner.microsoftonline.cn/{Tenant}/v2.0"], s.Issuers);
    }

    [Fact]
    public void AManagedIdentity_CannotBeTheTabsApp_UnlessTabSsoNamesOne()
    {
        Assert.False(From(("MicrosoftAppType", "UserAssignedMSI"), ("MicrosoftAppId", AppId), ("MicrosoftAppTenantId", Tenant)).Enabled);

        var s = From(("MicrosoftAppType", "UserAssignedMSI"), ("MicrosoftAppId", AppId), ("MicrosoftAppTenantId", Tenant), ("TabSso:ClientId", "b1e7c0de-5a5a-4c4c-9d9d-000000007ab5"));
        Assert.True(s.Enabled);
        Assert.Equal("b1e7c0de-5a5a-4c4c-9d9d-000000007ab5", s.ClientId);
    }

    [Fact]
    public void WithoutAnAppOrATenant_SsoIsOff()
    {
        Assert.False(From().Enabled);
        Assert.False(From(("MicrosoftAppId", AppId)).Enabled);
        Assert.True(From(("MicrosoftAppId", AppId), ("TabSso:TenantId", Tenant)).Enabled);
    }

    [Fact]
    public void TheBotsTenantAsADomainName_LeavesSsoOff_UntilTabSsoNamesItsId()
    {
        Assert.False(From(("MicrosoftAppId", AppId), ("MicrosoftAppTenantId", "contoso.onmicrosoft.com")).Enabled);
        var s = From(("MicrosoftAppId", AppId), ("MicrosoftAppTenantId", "contoso.onmicrosoft.com"), ("TabSso:TenantId", Tenant));
        Assert.True(s.Enabled);
        Assert.Equal(Tenant, s.TenantId);
    }

    [Theory]
    [InlineData("TabSso:TenantId", "contoso.onmicrosoft.com", "not a tenant id")]
    [InlineData("TabSso:OpenIdMetadataUrl", "http://login.example.org/x", "must be an https:// address")]
    public void AWrongValue_StopsStartUp_NamingTheKey(string key, string value, string says)
    {
        var ex = Assert.Throws<ConfigurationException>(() => From(("MicrosoftAppId", AppId), ("MicrosoftAppTenantId", Tenant), (key, value)));
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
        Assert.Contains(says, ex.Message, StringComparison.Ordinal);
    }
}
