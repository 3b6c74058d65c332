using Microsoft.AspNetCore.Hosting;
using VocEdWeek.Bot.Tests.GoLive;

[assembly: HostingStartup(typeof(RecorderHostingStartup))]

namespace VocEdWeek.Bot.Tests.GoLive;

/// <summary>
/// Puts <see cref="RecordingConfigurationSource"/> into the bot's configuration while <c>WebApplication.CreateBuilder</c>
/// runs, before Program reads a single key (a factory's ConfigureAppConfiguration comes too late: it is applied at
/// Build). Only hosts that list this assembly in <c>hostingStartupAssemblies</c> run it.
/// </summary>
public sealed class RecorderHostingStartup : IHostingStartup
{
    // The entry point runs on a thread the factory starts; the execution context, and so this, flows to it.
    internal static readonly AsyncLocal<RecordingConfigurationSource?> Current = new();

    public void Configure(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration((_, c) =>
        {
            if (Current.Value is { } recorder) c.Add(recorder);
        });
}
