namespace VocEdWeek.Bot.Storage.PostgreSql;

/// <summary>
/// Opens (and so migrates) the database when the host starts, before the hosted services registered after it, so a
/// wrong connection string stops start-up at once instead of failing the first turn.
/// </summary>
public sealed class PgStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<PgDatabase>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
