using VocEdWeek.Bot.Operations.Backup;
using VocEdWeek.Bot.Operations.Health;
using VocEdWeek.Bot.Operations.Metrics;

namespace VocEdWeek.Bot.Operations;

public static class OperationsExtensions
{
    /// <summary>Readiness checks, metrics (exported only when an OTLP endpoint is set) and the local backup endpoint.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotHealth(configuration);
        services.AddBotMetrics(configuration);
        services.AddBackupEndpoint(configuration);
        return services;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapBotHealth();
        app.MapBackupEndpoint();
        return app;
    }
}
