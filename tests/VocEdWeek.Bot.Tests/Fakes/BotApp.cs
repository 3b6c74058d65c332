using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// The real bot (Program) in-process, with its own LiteDB folder, the Wuxi sample week and a rehearsal
/// clock, scheduler off. Settings can be overridden per test.
/// </summary>
public sealed class BotApp : WebApplicationFactory<Program>
{
    private readonly TempDir _dir = new();
    private readonly Dictionary<string, string?> _settings;

    public BotApp(Dictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Storage:Directory"] = _dir.Path,
            ["Week:DefinitionFile"] = Path.Combine(RepoPaths.Samples, "2024-wuxi.json"),
            ["Clock:StartAt"] = "2024-05-14T09:30:00+08:00",
            ["Office:AnnounceStartup"] = "false",
            // Off unless a test asks: the 09:00 reminder is still in its grace period at 09:30 and would
            // otherwise land in the middle of whatever conversation the test is checking.
            ["Scheduling:Enabled"] = "false",
            // Tests play many turns a second as one user; the inbound limit has its own tests (FloodTests), which set it.
            ["Inbound:PerUserLimit"] = "1000000",
            ["Inbound:PerConversationLimit"] = "1000000",
        };
        // VOCEDWEEK_TEST_STORAGE=PostgreSql: on a fresh PostgreSQL database instead, unless the test names its provider
        // (a test about the LiteDB file pins LiteDb and must not get PostgreSQL's settings, the signing key included).
        if (settings?.ContainsKey("Storage:Provider") != true)
            foreach (var (k, v) in TestStorage.Settings()) _settings[k] = v;
        foreach (var (k, v) in settings ?? []) _settings[k] = v;
        TestStorage.KeyForPostgreSql(_settings);
    }

    public string DataDirectory => _dir.Path;

    /// <summary>The settings the bot runs with (its defaults, the test-storage switch's, the test's own).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _dir.Dispose();
    }
}
