using VocEdWeek.Bot;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Hosting;
using VocEdWeek.Bot.Operations.Backup;
using VocEdWeek.Bot.Operations.Check;
using VocEdWeek.Bot.Operations.Migrate;
using VocEdWeek.Bot.Protocol;

// Operator commands run instead of the bot, reading the same configuration (see README "Go live").
if (args is ["check", ..])
{
    Environment.ExitCode = await CheckCommand.RunAsync(args, Console.Out);
    return;
}
if (args is ["backup" or "restore", ..])
{
    Environment.ExitCode = await OperationsCommand.RunAsync(args, Console.Out, Console.Error);
    return;
}
if (args is ["migrate-storage", ..])
{
    Environment.ExitCode = await MigrateStorageCommand.RunAsync(args, Console.Out, Console.Error);
    return;
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    // Signed links carry their token in the path or query; ASP.NET Core's "Request starting …" lines would log it.
    builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
    builder.Services.AddClock(builder.Configuration, builder.Environment);
    builder.Services.AddBotProtocol(builder.Configuration, builder.Environment);
    builder.Services.AddBotApp(builder.Configuration);

    var app = builder.Build();
    app.UseLastResortErrors();
    app.UseTrustedProxyHeaders();
    app.MapBotEndpoint();
    app.MapBotPages();
    app.UseInstanceHeader();
    app.MapGet("/healthz", () => Results.Text("ok"));
    app.Run();
}
catch (ConfigurationException ex)
{
    Console.Error.WriteLine($"VocEdWeek.Bot cannot start: {ex.Message}");
    Environment.ExitCode = 2;
}
// Options are checked when the host starts (ValidateOnStart); each failure is the one sentence naming the key.
catch (Microsoft.Extensions.Options.OptionsValidationException ex)
{
    Console.Error.WriteLine($"VocEdWeek.Bot cannot start: {string.Join(" ", ex.Failures)}");
    Environment.ExitCode = 2;
}

public partial class Program;
