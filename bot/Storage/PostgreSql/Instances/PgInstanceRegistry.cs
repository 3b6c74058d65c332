namespace VocEdWeek.Bot.Storage.PostgreSql.Instances;

/// <summary>
/// Keeps this instance's row in <c>instances</c> (migration 0007) while it runs, and at start refuses what several
/// instances cannot share: files kept in a local folder while an instance on another host runs on the same database
/// (that host could not read them), unless the operator says the folder is shared (<c>Storage:SharedDirectory</c>).
/// Times are the database's: the one clock every host shares.
/// </summary>
public sealed partial class PgInstanceRegistry(
    PgDatabase db, RunningInstance self, StorageOptions storage, TimeProvider time, ILogger<PgInstanceRegistry> log) : BackgroundService
{
    /// <summary>How often the row is refreshed while the instance runs.</summary>
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(30);

    /// <summary>An instance whose row was refreshed within this is taken as running (four heartbeats missed: gone).</summary>
    public static readonly TimeSpan RecentWithin = TimeSpan.FromMinutes(2);

    // Instances starting together take turns, so that two local stores on two hosts cannot both pass the check.
    private const long StartLock = 0x766f6365_64696e73; // "vocedins"

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Register();
        return base.StartAsync(cancellationToken);
    }

    /// <summary>Refuses (a <see cref="ConfigurationException"/>) or records this instance as running.</summary>
    public void Register() => db.InTransaction(s =>
    {
        s.Execute("SELECT pg_advisory_xact_lock($1)", StartLock);
        if (self.KeepsFilesLocally && !storage.SharedDirectory
            && s.Query("SELECT name, host FROM instances WHERE host <> $1 AND name <> $2 AND heartbeat_at > now() - $3 ORDER BY name LIMIT 1",
                r => (Name: r.GetString(0), Host: r.GetString(1)), self.Host, self.Name, RecentWithin) is [var other])
        {
            throw new ConfigurationException(
                $"Storage:SharedDirectory is not true, yet instance '{other.Name}' on host '{other.Host}' runs on the same database, "
                + "and it could not read the files this one keeps in its local folder: configure SharePoint, or put Storage:Directory "
                + "on a folder every host shares and set Storage:SharedDirectory=true.");
        }
        Beat(s, starting: true);
    });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(HeartbeatEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    db.InTransaction(s => Beat(s, starting: false));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database is away for a moment; the next beat tries again (others see this one as running for a while).
                    LogHeartbeatFailed(log, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // A clean stop frees the place at once: a replacement on another host need not wait for the heartbeat to age.
            db.Execute("DELETE FROM instances WHERE name = $1 AND host = $2", self.Name, self.Host);
        }
        catch (Exception ex)
        {
            LogHeartbeatFailed(log, ex);
        }
    }

    // A heartbeat re-creates a row someone removed; only a start resets started_at.
    private void Beat(PgSession s, bool starting) => s.Execute($"""
        INSERT INTO instances (name, host, file_store, started_at, heartbeat_at) VALUES ($1, $2, $3, now(), now())
        ON CONFLICT (name) DO UPDATE SET host = excluded.host, file_store = excluded.file_store, heartbeat_at = excluded.heartbeat_at
            {(starting ? ", started_at = excluded.started_at" : "")}
        """, self.Name, self.Host, self.FileStore);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record this instance's heartbeat in the database")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception ex);
}
