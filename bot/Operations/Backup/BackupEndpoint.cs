using System.Net;
using System.Security.Cryptography;
using System.Text;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Operations.Backup;

/// <summary>
/// <c>POST /ops/backup</c>: the database snapshot as the response body, for the <c>backup</c> command. Answers only a
/// direct loopback caller (no forwarding headers: a request through a reverse proxy on the same host is refused) that
/// brings the key from <see cref="ControlFile"/>; everyone else gets 404, as if nothing were here.
/// </summary>
public static class BackupEndpoint
{
    public const string Path = "/ops/backup";
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static IServiceCollection AddBackupEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        // On PostgreSQL the records are the database server's to back up (pg_dump, the provider's backups): no
        // operations.json, no endpoint (404 like any unknown path), and the commands say so (OperationsCommand).
        if (OnPostgreSql(configuration)) return services;
        services.AddSingleton<ControlPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<ControlPublisher>());
        return services;
    }

    public static WebApplication MapBackupEndpoint(this WebApplication app)
    {
        if (OnPostgreSql(app.Configuration)) return app;
        app.MapPost(Path, SnapshotAsync);
        return app;
    }

    public static bool OnPostgreSql(IConfiguration configuration) =>
        new StorageOptions { Provider = configuration["Storage:Provider"] ?? StorageOptions.LiteDb }.UsesPostgreSql;

    private static async Task<IResult> SnapshotAsync(HttpContext context, ControlPublisher control, BotDatabase db, StorageOptions storage)
    {
        if (!Allowed(context, control.Key)) return Results.NotFound();
        await OneAtATime.WaitAsync(context.RequestAborted);
        var temp = System.IO.Path.Combine(storage.FullDirectory, $".backup-{Guid.NewGuid():N}.db");
        try
        {
            var info = await Task.Factory.StartNew(() => DatabaseSnapshot.Write(db.Database, temp),
                context.RequestAborted, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            context.Response.Headers["X-Backup-Collections"] = info.Collections.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["X-Backup-Documents"] = info.Documents.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Deleted when the response has been sent (or the client went away).
            var stream = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            return Results.Stream(stream, "application/octet-stream");
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        finally
        {
            File.Delete(System.IO.Path.ChangeExtension(temp, null) + "-log.db");
            OneAtATime.Release();
        }
    }

    private static bool Allowed(HttpContext context, string key)
    {
        if (context.Connection.RemoteIpAddress is not { } ip || !IPAddress.IsLoopback(ip)) return false;
        if (context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("Forwarded")) return false;
        var given = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!given.StartsWith(scheme, StringComparison.Ordinal)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given[scheme.Length..]), Encoding.UTF8.GetBytes(key));
    }
}
