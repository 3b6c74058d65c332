using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// The real bot (Program) in-process, with its own LiteDB folder, the Wuxi sample week and a rehearsal
/// clock. Settings can be overridden per test.
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
        };
        foreach (var (k, v) in settings ?? []) _settings[k] = v;
    }

    public string DataDirectory => _dir.Path;

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
