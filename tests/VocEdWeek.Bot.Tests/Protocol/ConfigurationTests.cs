using Microsoft.AspNetCore.Hosting;
using VocEdWeek.Bot.Protocol;

namespace VocEdWeek.Bot.Tests.Protocol;

/// <summary>Bad configuration stops start-up with one sentence naming the key.</summary>
public sealed class ConfigurationTests
{
    private static BotFrameworkOptions Valid() => new()
    {
        MicrosoftAppId = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8",
        MicrosoftAppPassword = "not-a-real-secret",
        MicrosoftAppTenantId = "50612dbb-0237-4969-b378-8d42590f9c00",
    };

    [Theory]
    [InlineData("Cloud", "Mars")]
    [InlineData("MicrosoftAppType", "Whatever")]
    [InlineData("MicrosoftAppId", "not-a-guid")]
    [InlineData("MicrosoftAppPassword", "")]
    [InlineData("MicrosoftAppTenantId", "")]
    [InlineData("ToBotFromChannelOpenIdMetadataUrl", "http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("ToBotFromChannelOpenIdMetadataUrl", "not a url")]
    [InlineData("ToChannelFromBotLoginUrl", "ftp://x/{0}")]
    public void Names_the_key_at_fault(string key, string value)
    {
        var options = Valid();
        typeof(BotFrameworkOptions).GetProperty(key)!.SetValue(options, value);
        var ex = Assert.Throws<ConfigurationException>(() => BotFrameworkOptionsValidator.ThrowIfInvalid(options));
        Assert.StartsWith(key, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_single_tenant_passes() => BotFrameworkOptionsValidator.ThrowIfInvalid(Valid());

    private static BotFrameworkOptions ManagedIdentity() => new()
    {
        MicrosoftAppType = "UserAssignedMSI",
        MicrosoftAppId = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8",
        MicrosoftAppTenantId = "50612dbb-0237-4969-b378-8d42590f9c00",
    };

    [Fact]
    public void Valid_user_assigned_managed_identity_passes_and_is_not_anonymous()
    {
        var o = ManagedIdentity();
        BotFrameworkOptionsValidator.ThrowIfInvalid(o);
        Assert.True(o.IsUserAssignedMsi);
        Assert.False(o.IsAnonymous);
        Assert.Equal("https://api.botframework.com/.default", o.OAuthScope);
    }

    [Theory]
    [InlineData("MicrosoftAppPassword", "not-a-real-secret", "MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI: ")]
    [InlineData("MicrosoftAppId", "", "MicrosoftAppId is required when MicrosoftAppType is UserAssignedMSI: ")]
    [InlineData("MicrosoftAppId", "my-identity", "MicrosoftAppId must be the client id")]
    [InlineData("MicrosoftAppTenantId", "", "MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI")]
    public void Managed_identity_refuses_a_password_and_a_missing_client_id_naming_the_key(string key, string value, string expected)
    {
        var options = ManagedIdentity();
        typeof(BotFrameworkOptions).GetProperty(key)!.SetValue(options, value);
        var ex = Assert.Throws<ConfigurationException>(() => BotFrameworkOptionsValidator.ThrowIfInvalid(options));
        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void China_cloud_switches_every_endpoint()
    {
        var o = Valid();
        o.Cloud = "China";
        Assert.Equal("https://login.botframework.azure.cn/v1/.well-known/openidconfiguration", o.ChannelMetadataUrl);
        Assert.Equal("https://api.botframework.azure.cn", o.ChannelIssuer);
        Assert.Equal("https://login.partner.microsoftonline.cn/50612dbb-0237-4969-b378-8d42590f9c00", o.LoginAuthority);
        Assert.Equal("https://api.botframework.azure.cn/.default", o.OAuthScope);
        Assert.StartsWith("https://login.partner.microsoftonline.cn/", o.EmulatorMetadataUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void Multi_tenant_uses_botframework_authority()
    {
        var o = Valid();
        o.MicrosoftAppType = "MultiTenant";
        Assert.Equal("https://login.microsoftonline.com/botframework.com", o.LoginAuthority);
    }

    [Fact]
    public async Task Anonymous_mode_warns_loudly_at_start()
    {
        using var bot = Fakes.BotProcess.Start([]);
        var line = await bot.Stderr.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("anonymous mode", line, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Production", "", "MicrosoftAppId is empty")]
    [InlineData("Development", "not-a-guid", "MicrosoftAppId must be")]
    [InlineData("Development", "", "Week file", "Week:DefinitionFile=broken")]
    [InlineData("Production", "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8", "MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI", "MicrosoftAppType=UserAssignedMSI")]
    [InlineData("Production", "", "MicrosoftAppId is required when MicrosoftAppType is UserAssignedMSI", "MicrosoftAppType=UserAssignedMSI")]
    public async Task The_real_process_refuses_to_start_with_one_sentence(string environment, string appId, string expected, string? extra = null)
    {
        using var dir = new Fakes.TempDir();
        Dictionary<string, string> variables = new() { ["ASPNETCORE_ENVIRONMENT"] = environment, ["MicrosoftAppId"] = appId };
        if (extra == "MicrosoftAppType=UserAssignedMSI")
        {
            variables["MicrosoftAppType"] = "UserAssignedMSI";
            variables["MicrosoftAppTenantId"] = "50612dbb-0237-4969-b378-8d42590f9c00";
            variables["MicrosoftAppPassword"] = "not-a-real-secret";
        }
        else if (extra is not null)
        {
            var broken = Path.Combine(dir.Path, "week.json");
            await File.WriteAllTextAsync(broken, "{ \"id\": \"x\", \"title\": 5 }");
            variables["Week__DefinitionFile"] = broken;
        }
        var (exitCode, message) = await Fakes.BotProcess.RunUntilItStopsAsync(variables);
        Assert.Equal(2, exitCode);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Single(message.Trim().Split('\n'));
        Assert.DoesNotContain("not-a-real-secret", message, StringComparison.Ordinal);
    }
}
