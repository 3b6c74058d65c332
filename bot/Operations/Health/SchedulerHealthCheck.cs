using Microsoft.Extensions.Diagnostics.HealthChecks;
using VocEdWeek.Bot.Scheduling;

namespace VocEdWeek.Bot.Operations.Health;

/// <summary>The scheduler's loop is alive: it finished a round within a few tick intervals.</summary>
public sealed class SchedulerHealthCheck(Scheduler scheduler, HealthOptions options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!scheduler.Enabled)
            return Task.FromResult(HealthCheckResult.Healthy("Scheduling is disabled (Scheduling:Enabled is false): no reminders or digests."));
        var limit = scheduler.TickInterval * Math.Max(1, options.MaxMissedTicks);
        if (limit < TimeSpan.FromMinutes(1)) limit = TimeSpan.FromMinutes(1);
        if (scheduler.LastTick is not { } last)
            return Task.FromResult(HealthCheckResult.Unhealthy("The scheduler has not finished a round yet."));
        var since = time.GetUtcNow() - last;
        return Task.FromResult(since <= limit
            ? HealthCheckResult.Healthy($"Last round {HealthText.Age(since)} ago.")
            : HealthCheckResult.Unhealthy($"No round for {HealthText.Age(since)} (limit {HealthText.Age(limit)})."));
    }
}
