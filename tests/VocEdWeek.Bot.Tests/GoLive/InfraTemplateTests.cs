using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VocEdWeek.Bot.Platform;
using VocEdWeek.Bot.Protocol;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.GoLive;

/// <summary>
/// infra/: every Bicep file compiles and lints clean with the pinned Bicep CLI, and what main.bicep deploys, for
/// both clouds and both app types, wires Teams → Azure Bot → web app → managed identity the way the bot expects.
/// </summary>
public sealed class InfraTemplateTests
{
    private static string Infra => Path.Combine(RepoPaths.Root, "infra");

    [Fact]
    public void Every_bicep_file_compiles_and_lints_with_no_warning()
    {
        var files = Directory.EnumerateFiles(Infra, "*.bicep*", SearchOption.AllDirectories).Order().ToList();
        Assert.Contains(files, f => f.EndsWith("main.bicep", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".bicepparam", StringComparison.Ordinal));
        using var output = new TempDir();
        foreach (var file in files)
        {
            var build = file.EndsWith(".bicepparam", StringComparison.Ordinal)
                ? BicepCli.Run(Infra, "build-params", file, "--outfile", Path.Combine(output.Path, Path.GetFileName(file) + ".json"))
                : BicepCli.Run(Infra, "build", file, "--outdir", output.Path);
            var lint = BicepCli.Run(Infra, "lint", file);
            var name = Path.GetRelativePath(RepoPaths.Root, file);
            Assert.True(build.ExitCode == 0, $"bicep build {name}:\n{build.Output}{build.Error}");
            Assert.True(lint.ExitCode == 0, $"bicep lint {name}:\n{lint.Output}{lint.Error}");
            Assert.Equal([], build.Diagnostics.Concat(lint.Diagnostics));
        }
    }

    [Theory]
    [InlineData("public", "Public")]
    [InlineData("china", "China")]
    public void The_bot_answers_on_the_web_app_and_signs_in_as_its_managed_identity(string snapshot, string cloud)
    {
        var s = InfraSnapshots.For(snapshot);
        var identityId = (string)s.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;
        var clientId = $"[reference('{identityId}', '2023-01-31').clientId]";

        var bot = s.Single("Microsoft.BotService/botServices");
        var props = bot["properties"]!;
        Assert.Equal("UserAssignedMSI", (string?)props["msaAppType"]);
        Assert.Equal(clientId, (string?)props["msaAppId"]);
        Assert.Equal(identityId, (string?)props["msaAppMSIResourceId"]);
        Assert.Equal(InfraSnapshot.TenantId, (string?)props["msaAppTenantId"]);

        var settings = s.AppSettings;
        Assert.Equal("UserAssignedMSI", (string?)settings["MicrosoftAppType"]);
        Assert.Equal(clientId, (string?)settings["MicrosoftAppId"]);
        Assert.Equal(InfraSnapshot.TenantId, (string?)settings["MicrosoftAppTenantId"]);
        Assert.False(settings.ContainsKey("MicrosoftAppPassword"), "no secret exists with a managed identity");
        Assert.Equal(cloud, (string?)settings["Cloud"]);

        var site = s.Single("Microsoft.Web/sites");
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.True(site["identity"]!["userAssignedIdentities"]!.AsObject().ContainsKey(identityId));
        Assert.Equal(identityId, (string?)site["properties"]!["keyVaultReferenceIdentity"]);

        var outputs = s.Root["outputs"]!;
        Assert.Equal(clientId, (string?)outputs["identityClientId"]);
        Assert.Equal(identityId, (string?)outputs["identityResourceId"]);
        Assert.Equal(InfraSnapshot.TenantId, (string?)outputs["tenantId"]);
        Assert.Equal($"[reference('{bot["id"]}', '2022-09-15').msaAppId]", (string?)outputs["botAppId"]);
    }

    [Theory]
    [InlineData("public")]
    [InlineData("china")]
    [InlineData("china-secret")]
    public void Teams_reaches_the_bot_at_the_web_app_host_over_the_teams_channel(string snapshot)
    {
        var s = InfraSnapshots.For(snapshot);
        var site = s.Single("Microsoft.Web/sites");
        var host = $"reference('{site["id"]}', '2024-04-01').defaultHostName";

        var bot = s.Single("Microsoft.BotService/botServices");
        Assert.Equal("azurebot", (string?)bot["kind"]);
        Assert.Equal("global", (string?)bot["location"]);
        Assert.Equal($"[format('https://{{0}}/api/messages', {host})]", (string?)bot["properties"]!["endpoint"]);
        Assert.Equal($"[format('https://{{0}}', {host})]", (string?)s.AppSettings["Links__PublicBaseUrl"]);
        Assert.Equal($"[{host}]", (string?)s.Root["outputs"]!["webAppHostName"]);
        Assert.Equal((string?)site["id"], (string?)s.Root["outputs"]!["webAppResourceId"]);

        var teams = s.Single("Microsoft.BotService/botServices/channels");
        Assert.Equal($"{bot["id"]}/channels/MsTeamsChannel", (string?)teams["id"]);
        Assert.Equal("MsTeamsChannel", (string?)teams["properties"]!["channelName"]);
        Assert.True((bool)teams["properties"]!["properties"]!["isEnabled"]!);
    }

    [Theory]
    [InlineData("public")]
    [InlineData("china")]
    [InlineData("china-secret")]
    public void The_web_app_is_hardened_always_on_and_keeps_its_data_under_home(string snapshot)
    {
        var s = InfraSnapshots.For(snapshot);
        var plan = s.Single("Microsoft.Web/serverfarms");
        Assert.True((bool)plan["properties"]!["reserved"]!, "a Linux plan");
        Assert.Equal(1, (int)plan["sku"]!["capacity"]!);

        var site = s.Single("Microsoft.Web/sites")["properties"]!;
        Assert.True((bool)site["httpsOnly"]!);
        var config = site["siteConfig"]!;
        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)config["ftpsState"]);
        Assert.Equal("/healthz", (string?)config["healthCheckPath"]);
        Assert.True((bool)config["alwaysOn"]!);
        Assert.False((bool)s.Single("Microsoft.Web/sites/basicPublishingCredentialsPolicies")["properties"]!["allow"]!);

        var settings = s.AppSettings;
        Assert.Equal("/home/data", (string?)settings["Storage__Directory"]);
        Assert.Equal("true", (string?)settings["WEBSITES_ENABLE_APP_SERVICE_STORAGE"]);
        Assert.Equal("Production", (string?)settings["ASPNETCORE_ENVIRONMENT"]);
    }

    [Fact]
    public void China_settings_switch_the_bot_to_the_21Vianet_endpoints()
    {
        var cloud = (string)InfraSnapshots.For("china").AppSettings["Cloud"]!;
        var options = new BotFrameworkOptions { Cloud = cloud, MicrosoftAppTenantId = InfraSnapshot.TenantId };
        Assert.Equal("https://login.botframework.azure.cn/v1/.well-known/openidconfiguration", options.ChannelMetadataUrl);
        Assert.Equal("https://api.botframework.azure.cn", options.ChannelIssuer);
        Assert.Equal("https://api.botframework.azure.cn/.default", options.OAuthScope);
        Assert.Equal($"https://login.partner.microsoftonline.cn/{InfraSnapshot.TenantId}", options.LoginAuthority);
        Assert.Equal(CloudDefaults.Public, CloudDefaults.For((string)InfraSnapshots.For("public").AppSettings["Cloud"]!));
    }

    [Fact]
    public void Single_tenant_takes_the_app_id_and_its_secret_only_as_a_secure_parameter()
    {
        var s = InfraSnapshots.For("china-secret");
        var bot = s.Single("Microsoft.BotService/botServices")["properties"]!;
        Assert.Equal("SingleTenant", (string?)bot["msaAppType"]);
        Assert.Equal(InfraSnapshots.AppId, (string?)bot["msaAppId"]);
        Assert.Null(bot["msaAppMSIResourceId"]);

        var settings = s.AppSettings;
        Assert.Equal("SingleTenant", (string?)settings["MicrosoftAppType"]);
        Assert.Equal(InfraSnapshots.AppId, (string?)settings["MicrosoftAppId"]);
        // The secret goes from the secure parameter to the setting and nowhere else: not into outputs, names or tags.
        // (A snapshot never shows a secure value: the setting is an expression left for Azure to evaluate.)
        Assert.StartsWith("[", (string)settings["MicrosoftAppPassword"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(InfraSnapshots.Secret, s.Root.ToJsonString(), StringComparison.Ordinal);

        // The two settings files are twins: the same names apart from the secret.
        Assert.Equal(InfraSnapshots.For("china").AppSettings.Select(p => p.Key).Order(),
            settings.Select(p => p.Key).Where(k => k != "MicrosoftAppPassword").Order());

        var template = File.ReadAllText(Path.Combine(Infra, "main.bicep"));
        Assert.Matches(new Regex(@"@secure\(\)\s*\n\s*param appPassword string"), template);
        var module = File.ReadAllText(Path.Combine(Infra, "modules", "appSettingsWithSecret.bicep"));
        Assert.Matches(new Regex(@"@secure\(\)\s*\n\s*param appPassword string"), module);
    }

    [Fact]
    public void Single_tenant_without_its_app_id_is_refused_naming_the_parameter()
    {
        var result = InfraSnapshot.Refused("""
            using 'main.bicep'

            param appType = 'SingleTenant'
            param appPassword = 'x'
            """);
        Assert.Contains("appId is required with appType SingleTenant", result.Output + result.Error, StringComparison.Ordinal);
    }
}
