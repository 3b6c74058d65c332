using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.GoLive;

/// <summary>
/// Every app setting the template writes is a configuration key the bot really reads: the real bot is started with
/// the template's setting names and a source that records every lookup. A misspelled name would be silently ignored
/// on Azure; here it fails.
/// </summary>
public sealed class AppSettingNamesTests
{
    /// <summary>App Service's and ASP.NET Core's own settings, read by the platform, not by the bot's code.</summary>
    private static readonly HashSet<string> Platform = new(StringComparer.Ordinal)
    {
        "ASPNETCORE_ENVIRONMENT",               // the host's environment name (Production refuses anonymous mode)
        "WEBSITES_ENABLE_APP_SERVICE_STORAGE",  // App Service mounts the persistent /home share
    };

    private const string Misspelled = "Storage__Directroy";

    [Fact]
    public async Task Every_app_setting_in_the_template_is_a_key_the_bot_reads()
    {
        var names = InfraSnapshots.All.SelectMany(s => s.AppSettings.Select(p => p.Key)).Distinct().Order().ToList();
        Assert.Contains("Links__PublicBaseUrl", names);
        Assert.Contains("MicrosoftAppPassword", names);
        var botKeys = names.Where(n => !Platform.Contains(n)).Select(n => n.Replace("__", ":", StringComparison.Ordinal)).ToList();

        using var storage = new TempDir();
        var values = botKeys.Append(Misspelled.Replace("__", ":", StringComparison.Ordinal))
            .ToDictionary(k => k, string? (k) => LocalValue(k, storage.Path));
        var recorder = await BotConfigurationProbe.RunAsync(values);

        Assert.Equal([], botKeys.Where(k => !recorder.WasAsked(k)));
        // The same check catches a name nobody reads, so it is not passing by accident.
        Assert.False(recorder.WasAsked("Storage:Directroy"));
        Assert.True(recorder.AskedCount > botKeys.Count);
    }

    /// <summary>
    /// Values that let the bot start here (the template's own are Azure expressions or Azure paths); only the names
    /// are under test. The app type is the one every bot version accepts, so the password is read too.
    /// </summary>
    private static string LocalValue(string key, string storage) => key switch
    {
        "MicrosoftAppType" => "SingleTenant",
        "MicrosoftAppId" => InfraSnapshots.AppId,
        "MicrosoftAppPassword" => InfraSnapshots.Secret,
        "MicrosoftAppTenantId" => InfraSnapshot.TenantId,
        "Cloud" => "China",
        "Storage:Directory" => storage,
        "Links:PublicBaseUrl" => "https://vocedweek.example.org",
        "Week:DefinitionFile" => Path.Combine(RepoPaths.Samples, "2024-wuxi.json"),
        _ => "x",
    };
}
