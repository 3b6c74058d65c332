using Microsoft.Extensions.Diagnostics.HealthChecks;
using VocEdWeek.Bot.Outbox;

namespace VocEdWeek.Bot.Operations.Health;

/// <summary>Proactive messages whose time has come go out: the oldest due one is younger than <c>Health:MaxOutboxAge</c>.</summary>
public sealed class OutboxHealthCheck(IOutboxStore outbox, HealthOptions options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var (count, oldest) = outbox.DueBacklog(now);
        if (oldest is not { } at) return Task.FromResult(HealthCheckResult.Healthy("No message waiting."));
        var age = now - new DateTimeOffset(at, TimeSpan.Zero);
        var text = $"{count} message(s) due, the oldest for {HealthText.Age(age)}";
        return Task.FromResult(age <= options.MaxOutboxAge
            ? HealthCheckResult.Healthy(text + ".")
            : HealthCheckResult.Unhealthy($"{text} (Health:MaxOutboxAge {HealthText.Age(options.MaxOutboxAge)})."));
    }
}
