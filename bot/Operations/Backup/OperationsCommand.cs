using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Operations.Backup;

/// <summary>
/// <c>backup &lt;folder&gt;</c> and <c>restore &lt;backup&gt;</c> from the command line, with exactly the configuration the
/// bot would read (appsettings.json, environment, the remaining arguments). Exit code 0 done, 1 failed, 2 usage (or Storage:Provider PostgreSql: the database server backs up the records).
/// </summary>
public static class OperationsCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            error.WriteLine($"Usage: {args[0]} <folder> [configuration overrides such as --Storage:Directory=/var/lib/vocedweek]");
            return 2;
        }
        var configuration = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args[2..] }).Configuration;
        var storage = configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        if (storage.UsesPostgreSql)
        {
            // These commands copy the LiteDB file; a PostgreSQL database is backed up and restored by its own tools.
            error.WriteLine($"VocEdWeek.Bot {args[0]}: Storage:Provider is {StorageOptions.PostgreSql}, so the records are in the PostgreSQL database "
                + $"(ConnectionStrings:{StorageOptions.ConnectionName}): back it up with pg_dump / pg_restore or your provider's backups, "
                + $"and the files in Storage:Directory '{storage.Directory}' with your file backups.");
            return 2;
        }
        try
        {
            if (args[0] == "backup") await BackupCommand.RunAsync(storage, args[1], output, CancellationToken.None);
            else await RestoreCommand.RunAsync(storage, args[1], output, CancellationToken.None);
            return 0;
        }
        catch (Exception ex) when (ex is BackupException or IOException or UnauthorizedAccessException or LiteDB.LiteException or HttpRequestException)
        {
            error.WriteLine($"VocEdWeek.Bot {args[0]} failed: {ex.Message}");
            return 1;
        }
    }
}
