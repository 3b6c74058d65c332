using Microsoft.Extensions.Diagnostics.HealthChecks;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Files.Publishing;

namespace VocEdWeek.Bot.Operations.Health;

/// <summary>Files reach SharePoint: the longest-waiting one was received less than <c>Health:MaxUploadQueueAge</c> ago.</summary>
public sealed class UploadQueueHealthCheck(IMediaStore media, RemoteUploadWorker uploads, HealthOptions options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!uploads.Enabled) return Task.FromResult(HealthCheckResult.Healthy("SharePoint is not configured: files stay in the local store."));
        var (count, oldest) = media.UploadBacklog();
        if (oldest is not { } at) return Task.FromResult(HealthCheckResult.Healthy("No file waiting for SharePoint."));
        var age = time.GetUtcNow() - new DateTimeOffset(at, TimeSpan.Zero);
        var text = $"{count} file(s) waiting for SharePoint, the oldest for {HealthText.Age(age)}";
        return Task.FromResult(age <= options.MaxUploadQueueAge
            ? HealthCheckResult.Healthy(text + ".")
            : HealthCheckResult.Unhealthy($"{text} (Health:MaxUploadQueueAge {HealthText.Age(options.MaxUploadQueueAge)})."));
    }
}
