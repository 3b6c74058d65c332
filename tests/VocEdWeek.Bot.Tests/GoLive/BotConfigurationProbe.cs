using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.GoLive;

/// <summary>
/// Starts the real bot (Program, through <see cref="TestHost"/>) with <see cref="RecordingConfigurationSource"/> on top,
/// binds every options type it registered, and asks its health endpoints: whatever configuration key the bot reads
/// at start-up or for those is then recorded.
/// </summary>
internal static class BotConfigurationProbe
{
    public static async Task<RecordingConfigurationSource> RunAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var recorder = new RecordingConfigurationSource(settings);
        RecorderHostingStartup.Current.Value = recorder;
        List<ServiceDescriptor> registered = [];
        await using var app = await TestHost.StartAsync(new()
        {
            Settings = { [WebHostDefaults.HostingStartupAssembliesKey] = typeof(RecorderHostingStartup).Assembly.GetName().Name },
            Services = s => registered = [.. s],
        });
        using var client = app.Factory.CreateClient();
        // Options bound lazily (IOptions<T>, ValidateOnStart or not) read their keys only when first asked for.
        var optionTypes = registered
            .Select(d => d.ServiceType)
            .Where(t => t.IsConstructedGenericType && t.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(t => t.GetGenericArguments()[0])
            .Distinct();
        foreach (var type in optionTypes)
        {
            var options = app.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            _ = options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options);
        }
        // Health checks may read their limits when they run; the answers themselves are other tests' business.
        foreach (var path in new[] { "/healthz", "/healthz/ready" })
        {
            using var _ = await client.GetAsync(path);
        }
        return recorder;
    }
}
