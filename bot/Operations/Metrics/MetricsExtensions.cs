using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using VocEdWeek.Bot.Files;

namespace VocEdWeek.Bot.Operations.Metrics;

public static class MetricsExtensions
{
    /// <summary>The standard OpenTelemetry variable; when it is empty nothing is exported and no exporter runs.</summary>
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// .NET's own meter: the thread pool's queue length and threads (<c>dotnet.thread_pool.queue.length</c>,
    /// <c>dotnet.thread_pool.thread.count</c>) and lock contentions, what a starved pool looks like from outside.
    /// </summary>
    public const string RuntimeMeter = "System.Runtime";

    /// <summary>
    /// The bot's instruments, and — only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set — an OTLP exporter for them and
    /// for ASP.NET Core's and HttpClient's built-in meters. The exporter reads the other standard <c>OTEL_*</c> settings
    /// itself (protocol, headers, export interval).
    /// </summary>
    public static IServiceCollection AddBotMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<TurnBacklog>();
        services.AddSingleton<IMediaStoredObserver, StoredFileMetrics>();
        if (string.IsNullOrWhiteSpace(configuration[EndpointKey])) return services;
        if (!Uri.TryCreate(configuration[EndpointKey], UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new ConfigurationException($"{EndpointKey} '{configuration[EndpointKey]}' is not an http(s) address like http://localhost:4318.");
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "vocedweek-bot"))
            .WithMetrics(m => m
                .AddMeter(BotMetrics.MeterName, RuntimeMeter, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"))
            .UseOtlpExporter();
        return services;
    }
}
