using Microsoft.Extensions.FileProviders;

namespace VocEdWeek.Bot.Bench.Reminders;

/// <summary>What AddBotProtocol asks of the host: a Development environment (anonymous local mode is allowed there).</summary>
public sealed class BenchHostEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = Environments.Development;
    public string ApplicationName { get; set; } = "VocEdWeek.Bot.Bench.Reminders";
    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
