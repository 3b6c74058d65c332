using Microsoft.Extensions.Diagnostics.HealthChecks;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Operations.Health;

/// <summary>The configured database (LiteDB file or PostgreSQL server, see AddStorage) answers a read.</summary>
public sealed class DatabaseHealthCheck(IDatabaseHealth database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var answer = database.Ask();
        return Task.FromResult(answer.Answers ? HealthCheckResult.Healthy(answer.Detail) : HealthCheckResult.Unhealthy(answer.Detail));
    }
}
