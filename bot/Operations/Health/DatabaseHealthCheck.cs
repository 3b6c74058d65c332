using Microsoft.Extensions.Diagnostics.HealthChecks;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Operations.Health;

/// <summary>The LiteDB file is open and answers a read.</summary>
public sealed class DatabaseHealthCheck(BotDatabase db) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Reads the collection catalogue through the engine: a disposed or broken database throws here.
            var collections = db.Database.GetCollectionNames().Count();
            return Task.FromResult(HealthCheckResult.Healthy($"Open, {collections} collections."));
        }
        catch (Exception ex) when (ex is LiteDB.LiteException or ObjectDisposedException or IOException)
        {
            // The exception's text can hold the file's path: the answer only says what is wrong.
            return Task.FromResult(HealthCheckResult.Unhealthy("The database cannot be read."));
        }
    }
}
