using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>
/// How each target is started: the same app registration, the same local OpenID metadata, the same connector and
/// token endpoint, each trusting the fakes' certificates through its runtime's standard environment variable.
/// </summary>
public static class Targets
{
    public static TargetProcess Start(string name, CompareFakes fakes, CompareOptions options, string logDir) => name switch
    {
        TargetNames.Botbuilder => Botbuilder(fakes, logDir),
        TargetNames.Bot => Bot(fakes, options, logDir),
        TargetNames.Bare => Bare(logDir),
        _ => throw new ArgumentException($"unknown target {name}"),
    };

    /// <summary>Microsoft's SDK: node botbuilder/index.js, JWT validation on against the same metadata.</summary>
    private static TargetProcess Botbuilder(CompareFakes fakes, string logDir)
    {
        var port = TargetProcess.FreePort();
        var index = Path.Combine(RepoPaths.Root, "tests", "VocEdWeek.Bot.Bench", "botbuilder", "index.js");
        var env = new Dictionary<string, string>
        {
            ["PORT"] = $"{port}",
            ["NODE_ENV"] = "production",
            ["NODE_EXTRA_CA_CERTS"] = fakes.CertificateBundle,
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = AuthenticatedBot.AppId,
            ["MicrosoftAppPassword"] = "bench-secret",
            ["MicrosoftAppTenantId"] = AuthenticatedBot.TenantId,
            ["ToBotFromChannelOpenIdMetadataUrl"] = fakes.Identity.ChannelMetadataUrl,
            ["ToBotFromChannelTokenIssuer"] = fakes.Identity.ChannelIssuer,
            ["BENCH_LOGIN_URL"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, fakes.Tokens.LoginUrlTemplate, AuthenticatedBot.TenantId),
        };
        return TargetProcess.Start(TargetNames.Botbuilder, port, "node", [index], env, Path.Combine(logDir, "compare-botbuilder.log"));
    }

    /// <summary>
    /// Our bot as deployed: the published Release build, JWT validation on (the tests' app registration against the
    /// fake identity), the Wuxi week (plus BenchWeek's liaisons) on its rehearsal clock, the sample appsettings'
    /// log levels (Information), scheduler on. Only the per-tenant connector ceiling is lifted.
    /// </summary>
    private static TargetProcess Bot(CompareFakes fakes, CompareOptions options, string logDir)
    {
        var port = TargetProcess.FreePort();
        var settings = AuthenticatedBot.Settings(fakes.Identity);
        settings["ToChannelFromBotLoginUrl"] = fakes.Tokens.LoginUrlTemplate;
        settings["Storage:Directory"] = BotStorage(fakes);
        settings["Week:DefinitionFile"] = BenchWeek.Write(fakes.Scratch);
        settings["Clock:StartAt"] = "2024-05-14T09:30:00+08:00";
        settings["Office:AnnounceStartup"] = "false";
        settings["Scheduling:Enabled"] = "true";
        settings["Logging:LogLevel:Default"] = "Information";
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning";
        // Teams allows ~30-50 calls per second per tenant; the bench sends thousands from one tenant.
        settings["Connector:TenantRequestsPerSecond"] = "100000";
        // On the command line, not in the environment: sh drops variables whose names are no shell identifiers
        // (Logging__LogLevel__Microsoft.AspNetCore).
        var args = settings.Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}");
        var env = new Dictionary<string, string>
        {
            // As deployed, without Development's extras (developer exception page, DI scope validation on every
            // resolution); not Production only because the rehearsal clock is refused there.
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            // .NET on Linux reads its trusted roots from OpenSSL's default file, which this replaces.
            ["SSL_CERT_FILE"] = fakes.CertificateBundle,
        };
        return TargetProcess.Start(TargetNames.Bot, port, "dotnet", [options.BotDll, .. args], env, Path.Combine(logDir, "compare-bot.log"));
    }

    /// <summary>Our bot's storage folder (its LiteDB file), read after the run to count what it stored.</summary>
    public static string BotStorage(CompareFakes fakes) => Path.Combine(fakes.Scratch, "bot-data");

    /// <summary>The ceiling: this program's <see cref="BareEndpoint"/> in its own process.</summary>
    private static TargetProcess Bare(string logDir)
    {
        var port = TargetProcess.FreePort();
        return TargetProcess.Start(TargetNames.Bare, port, "dotnet", [typeof(Targets).Assembly.Location, "--bare-port", $"{port}"],
            new Dictionary<string, string>(), Path.Combine(logDir, "compare-bare.log"));
    }
}
