using Microsoft.Extensions.Logging.Abstractions;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Migrate;
using VocEdWeek.Bot.Storage.Migrate;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.Migrate;

namespace VocEdWeek.Bot.Operations.Migrate;

/// <summary>
/// <c>migrate-storage</c>: copies every record of the LiteDB file at Storage:Directory into the PostgreSQL database of
/// ConnectionStrings:VocEdWeek (migrating its schema first), then verifies both hold the same. Reads the configuration
/// the bot would (appsettings.json, environment, the arguments). Exit code 0 verified, 1 failed or not verified,
/// 2 configuration. The bot must be stopped: while it runs it holds the folder's <see cref="StorageLock"/>.
/// </summary>
public static class MigrateStorageCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var configuration = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args[1..] }).Configuration;
        var storage = configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var connection = configuration.GetConnectionString(StorageOptions.ConnectionName);
        if (string.IsNullOrWhiteSpace(connection))
        {
            error.WriteLine($"VocEdWeek.Bot migrate-storage cannot start: ConnectionStrings:{StorageOptions.ConnectionName} must be set to the PostgreSQL database to copy into.");
            return Task.FromResult(2);
        }
        try
        {
            // Held until the copy is verified: the bot cannot start on the folder meanwhile.
            using var held = StorageLock.TryTake(storage)
                ?? throw new MigrationException($"The bot is running on Storage:Directory '{storage.Directory}' ({StorageLock.FileName} is held); stop it first.");
            using var source = LiteDbRecordSource.Open(storage.DatabasePath);
            using var db = PgDatabase.OpenMigrated(connection, NullLogger<PgMigrations>.Instance);
            output.WriteLine($"Copying {storage.DatabasePath} into PostgreSQL ({source.Collections.Count} collections).");
            return Task.FromResult(StorageMigration.Run(source, new PgCopyTarget(db), output) ? 0 : 1);
        }
        catch (ConfigurationException ex)
        {
            error.WriteLine($"VocEdWeek.Bot migrate-storage cannot start: {ex.Message}");
            return Task.FromResult(2);
        }
        catch (Exception ex) when (ex is MigrationException or IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            error.WriteLine($"VocEdWeek.Bot migrate-storage failed: {ex.Message}");
            return Task.FromResult(1);
        }
    }
}
