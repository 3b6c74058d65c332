using Npgsql;
using VocEdWeek.Bot.Scheduling;

namespace VocEdWeek.Bot.Storage.PostgreSql.Scheduling;

/// <summary>
/// The leader holds a session-level advisory lock on a connection of its own (<see cref="PgDatabase.Dedicated"/>). When that
/// instance dies its connection closes and PostgreSQL drops the lock, so a follower's next try takes it. A leader whose
/// connection broke steps down at its next check: the server may already have handed the lock to another instance.
/// </summary>
public sealed partial class PgSchedulerLeadership(PgDatabase db, InstanceName instance, ILogger<PgSchedulerLeadership> log)
    : ISchedulerLeadership, IDisposable
{
    /// <summary>Any fixed number works, as long as every instance uses the same one ("VocEdSch" in ASCII; the migrations use another).</summary>
    internal const long LockKey = 0x566F634564536368;

    private readonly Lock _gate = new();
    private NpgsqlConnection? _connection;
    private volatile bool _leads;

    public bool IsLeader => _leads;

    public bool TryLead()
    {
        lock (_gate)
        {
            try
            {
                if (_connection is null)
                {
                    _connection = db.Dedicated($"scheduler {instance.Value}");
                    _connection.Open();
                }
                using var command = new NpgsqlCommand(_leads ? "SELECT true" : "SELECT pg_try_advisory_lock($1)", _connection);
                if (!_leads) command.Parameters.Add(new NpgsqlParameter { Value = LockKey });
                var leads = command.ExecuteScalar() is true;
                if (leads && !_leads) LogTookOver(log, instance.Value);
                _leads = leads;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException)
            {
                if (_leads) LogSteppedDown(log, ex, instance.Value);
                else LogTryFailed(log, ex, instance.Value);
                Close();
            }
            return _leads;
        }
    }

    /// <summary>Stepping down when the instance stops: the lock is given back at once, so a follower's next try takes it.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_leads && _connection is not null)
            {
                try
                {
                    // Closing alone would drop it too, but only once the server has ended the session, a moment later.
                    using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", _connection);
                    command.Parameters.Add(new NpgsqlParameter { Value = LockKey });
                    command.ExecuteNonQuery();
                }
                catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException)
                {
                    // The connection is gone already, and the lock with it.
                }
            }
            Close();
        }
    }

    private void Close()
    {
        _leads = false;
        _connection?.Dispose();
        _connection = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {Instance} took over scheduling")]
    private static partial void LogTookOver(ILogger logger, string instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {Instance} lost its scheduling connection and stepped down; another instance takes over")]
    private static partial void LogSteppedDown(ILogger logger, Exception ex, string instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {Instance} could not ask whether it may lead scheduling; it tries again")]
    private static partial void LogTryFailed(ILogger logger, Exception ex, string instance);
}
