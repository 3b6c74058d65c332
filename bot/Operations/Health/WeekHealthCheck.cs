using Microsoft.Extensions.Diagnostics.HealthChecks;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Operations.Health;

/// <summary>
/// The week file is loaded (a broken one stops start-up, so here it is only "configured or not"). Without a week the
/// bot still answers, so that is Degraded (200), not Unhealthy.
/// </summary>
public sealed class WeekHealthCheck(WeekCatalog weeks) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(weeks.Active is { } week
            ? HealthCheckResult.Healthy($"Week {week.Definition.Id} loaded ({week.Definition.Start:yyyy-MM-dd} to {week.Definition.End:yyyy-MM-dd}).")
            : HealthCheckResult.Degraded("No week is configured (Week:DefinitionFile): the bot answers but collects nothing."));
}
