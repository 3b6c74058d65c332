using Npgsql;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Storage.PostgreSql.Weeks;

/// <summary>
/// Every instance listens on <see cref="PgWeekChangeSignal.Channel"/> on a connection of its own and reloads its
/// <see cref="WeekCatalog"/> when a week changed anywhere. A lost connection is opened again after a growing pause (one
/// second doubling to half a minute); the catalog is reloaded each time listening starts, since changes made meanwhile
/// were told to nobody.
/// </summary>
public sealed partial class PgWeekChangeListener(
    PgDatabase db, WeekCatalog catalog, InstanceName instance, TimeProvider time, ILogger<PgWeekChangeListener> log) : BackgroundService
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this instance first listens: changes committed from then on reach it.</summary>
    public Task Listening => _listening.Task;

    /// <summary>After each reload: the week that changed, or null for the reload when listening (re)started.</summary>
    public event Action<string?>? Reloaded;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = FirstPause;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => pause = FirstPause, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogLost(log, ex, instance.Value, pause);
            }
            try
            {
                await Task.Delay(pause, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }
    }

    private async Task ListenAsync(Action listening, CancellationToken ct)
    {
        await using var connection = db.Dedicated($"weeks listener {instance.Value}");
        var changed = new List<string>();
        // Raised on this loop's own thread, inside WaitAsync.
        connection.Notification += (_, e) => changed.Add(e.Payload);
        await connection.OpenAsync(ct);
        await using (var command = new NpgsqlCommand($"LISTEN {PgWeekChangeSignal.Channel}", connection))
            await command.ExecuteNonQueryAsync(ct);
        Reload(null);
        listening();
        _listening.TrySetResult();
        while (true)
        {
            await connection.WaitAsync(ct);
            // Several changes told at once need one reload; each is still reported.
            if (changed.Count == 0) continue;
            var weeks = changed.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            changed.Clear();
            catalog.Reload();
            foreach (var week in weeks) Reloaded?.Invoke(week);
        }
    }

    private void Reload(string? weekId)
    {
        catalog.Reload();
        Reloaded?.Invoke(weekId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {Instance} stopped hearing week changes; listening again in {Pause}")]
    private static partial void LogLost(ILogger logger, Exception ex, string instance, TimeSpan pause);
}
