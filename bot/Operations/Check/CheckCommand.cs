using VocEdWeek.Bot.Hosting;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Protocol;

namespace VocEdWeek.Bot.Operations.Check;

/// <summary>
/// <c>VocEdWeek.Bot check [--manifest appPackage.zip]</c>: reads the configuration exactly as the bot does (the same
/// WebApplicationBuilder sources and the same registration code), checks it live against the configured endpoints and
/// prints one line per check. Exit code 0 when every check passed, 1 when one failed, 2 when the configuration does not load.
/// </summary>
public static class CheckCommand
{
    /// <summary>The check's own requests (/healthz, the login host's Date header).</summary>
    public const string HttpClientName = "VocEdWeek.Bot.Check";

    /// <summary>The Graph token requests of the SharePoint check (Azure.Identity's transport).</summary>
    public const string GraphTokenClientName = "VocEdWeek.Bot.Check.GraphToken";

    /// <param name="args">The program's arguments, starting with <c>check</c>.</param>
    /// <param name="configureServices">Tests: trust local certificates, swap the clock. Runs after the bot's own registrations.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, Action<IServiceCollection>? configureServices = null, CancellationToken ct = default)
    {
        var (manifest, hostArgs) = SplitArgs(args);
        WebApplicationBuilder? builder = null;
        try
        {
            builder = WebApplication.CreateBuilder(hostArgs);
            // Check output is the lines below, nothing else: no request logs, and nothing that could carry a secret.
            builder.Logging.ClearProviders();
            builder.Services.AddClock(builder.Configuration, builder.Environment);
            builder.Services.AddBotProtocol(builder.Configuration, builder.Environment);
        }
        catch (Exception ex) when (ex is ConfigurationException or InvalidDataException or FormatException or InvalidOperationException)
        {
            // A broken appsettings.json or a refused root setting: nothing else can be checked.
            await output.WriteLineAsync(Strings.For(builder?.Configuration["Office:Locale"]).Format("check_not_loaded", FirstLine(ex)));
            return 2;
        }
        // The check's own requests give up after 20 s (a silently dropping firewall), not HttpClient's default 100 s.
        builder.Services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20));
        builder.Services.AddHttpClient(GraphTokenClientName);
        configureServices?.Invoke(builder.Services);

        await using var services = builder.Services.BuildServiceProvider();
        var texts = Strings.For(builder.Configuration["Office:Locale"] ?? "zh-CN");
        var context = new CheckContext(builder.Configuration, builder.Environment, services, texts, manifest);
        var results = await new CheckRunner(CheckList.All).RunAsync(context, ct);
        var printer = new CheckPrinter(output, texts, SecretValues.From(builder.Configuration, services.GetRequiredService<BotFrameworkOptions>()));
        await printer.PrintAsync(results);
        return results.Any(r => r.Result.Outcome == CheckOutcome.Fail) ? 1 : 0;
    }

    /// <summary>Takes <c>check</c> and <c>--manifest path</c> off; the rest goes to the host as the bot would get it.</summary>
    private static (string? Manifest, string[] HostArgs) SplitArgs(string[] args)
    {
        string? manifest = null;
        var rest = new List<string>();
        for (var i = args.Length > 0 && args[0] == "check" ? 1 : 0; i < args.Length; i++)
        {
            if (args[i] == "--manifest" && i + 1 < args.Length) manifest = args[++i];
            else if (args[i].StartsWith("--manifest=", StringComparison.Ordinal)) manifest = args[i]["--manifest=".Length..];
            else rest.Add(args[i]);
        }
        return (manifest, rest.ToArray());
    }

    private static string FirstLine(Exception ex) => ex.Message.Split('\n', 2)[0].Trim();
}
