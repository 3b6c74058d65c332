using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using VocEdWeek.Bot.Hosting;

namespace VocEdWeek.Bot.Operations.Health;

public static class HealthExtensions
{
    private const string Ready = "ready";

    /// <summary>The readiness checks behind <c>/healthz/ready</c> (liveness, <c>/healthz</c>, needs none).</summary>
    public static IServiceCollection AddBotHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBoundOptions<HealthOptions>("Health");
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<WeekHealthCheck>("week", tags: [Ready])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [Ready])
            .AddCheck<OutboxHealthCheck>("outbox", tags: [Ready])
            .AddCheck<UploadQueueHealthCheck>("sharepoint-queue", tags: [Ready]);
        return services;
    }

    /// <summary>200 when every check is Healthy or Degraded, 503 when one is Unhealthy; JSON either way.</summary>
    public static WebApplication MapBotHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = HealthResponse.WriteAsync,
        });
        return app;
    }
}
