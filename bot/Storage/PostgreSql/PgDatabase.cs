using Npgsql;

namespace VocEdWeek.Bot.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL database of every instance: one <see cref="NpgsqlDataSource"/> (its pool) from ConnectionStrings:VocEdWeek,
/// and short helpers so a store is its SQL and its mapping. Each call takes a pooled connection and gives it back;
/// work that changes more than one row goes through <see cref="InTransaction{T}"/>.
/// </summary>
public sealed class PgDatabase : IDisposable
{
    public PgDatabase(string? connectionString)
    {
        var key = $"ConnectionStrings:{StorageOptions.ConnectionName}";
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ConfigurationException($"{key} must be set when Storage:Provider is {StorageOptions.PostgreSql}.");
        try
        {
            DataSource = NpgsqlDataSource.Create(connectionString);
            _dedicated = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 15 };
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationException($"{key} is not a PostgreSQL connection string: {ex.Message}");
        }
    }

    public NpgsqlDataSource DataSource { get; }

    private readonly NpgsqlConnectionStringBuilder _dedicated = new();

    /// <summary>
    /// A connection of its own, outside the pool (not opened yet), for what lives on one session: the scheduler's advisory
    /// lock, LISTEN. Closing it ends the session on the server, which drops its lock and its LISTEN; a pooled connection
    /// would hand both to whoever takes it next. <paramref name="purpose"/> names it in <c>pg_stat_activity</c>; a keepalive
    /// notices a connection that died while it only waits.
    /// </summary>
    public NpgsqlConnection Dedicated(string purpose) =>
        new(new NpgsqlConnectionStringBuilder(_dedicated.ConnectionString) { ApplicationName = $"VocEdWeek {purpose}" }.ConnectionString);

    // The transaction the current flow is inside, if any (AsyncLocal: it follows the work across awaits and never
    // leaks to another request's thread).
    private readonly AsyncLocal<PgSession?> _ambient = new();

    /// <summary>The database with every migration applied (see <see cref="PgMigrations"/>); what the stores are given.</summary>
    public static PgDatabase OpenMigrated(string? connectionString, ILogger<PgMigrations> log)
    {
        var db = new PgDatabase(connectionString);
        try
        {
            new PgMigrations(db, log).Apply();
            return db;
        }
        catch (NpgsqlException ex)
        {
            db.Dispose();
            throw new ConfigurationException($"ConnectionStrings:{StorageOptions.ConnectionName} cannot be opened and migrated: {ex.Message}");
        }
    }

    /// <summary>Runs <paramref name="sql"/> with <c>$1</c>, <c>$2</c> … bound to <paramref name="args"/>; the rows changed.</summary>
    public int Execute(string sql, params object?[] args) => WithSession(s => s.Execute(sql, args));

    /// <summary>The first column of the first row, or default when there is no row (or it is NULL).</summary>
    public T? Scalar<T>(string sql, params object?[] args) => WithSession(s => s.Scalar<T>(sql, args));

    public List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read, params object?[] args) => WithSession(s => s.Query(sql, read, args));

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: committed when it returns, rolled back when it throws. Every call on
    /// this database made inside it (by any store, see <see cref="PgAtomicWrites"/>) runs on the same transaction; a
    /// nested call joins the outer transaction instead of opening its own.
    /// </summary>
    public T InTransaction<T>(Func<PgSession, T> work)
    {
        if (_ambient.Value is { } open) return work(open);
        using var connection = DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var session = new PgSession(connection, transaction);
        _ambient.Value = session;
        try
        {
            var result = work(session);
            transaction.Commit();
            return result;
        }
        finally
        {
            _ambient.Value = null;
        }
    }

    public void InTransaction(Action<PgSession> work) => InTransaction(s => { work(s); return 0; });

    private T WithSession<T>(Func<PgSession, T> work)
    {
        if (_ambient.Value is { } open) return work(open);
        using var connection = DataSource.OpenConnection();
        return work(new PgSession(connection, null));
    }

    public void Dispose() => DataSource.Dispose();
}
