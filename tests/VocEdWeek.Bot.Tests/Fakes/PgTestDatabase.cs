using Microsoft.Extensions.Logging.Abstractions;
using VocEdWeek.Bot.Storage.PostgreSql;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// A test class's own database on <see cref="PostgresCluster"/>, migrated once (an <c>IClassFixture</c>). The tests of a
/// class run one after another, so <see cref="Fresh"/> empties every table before each one.
/// </summary>
public sealed class PgTestDatabase : IAsyncLifetime
{
    private PgDatabase? _db;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresCluster.CreateDatabaseAsync();
        _db = PgDatabase.OpenMigrated(ConnectionString, NullLogger<PgMigrations>.Instance);
    }

    /// <summary>The database with every table but schema_migrations emptied.</summary>
    public PgDatabase Fresh()
    {
        var db = _db ?? throw new InvalidOperationException("The fixture is not initialised.");
        var tables = db.Query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'", r => r.GetString(0));
        if (tables.Count > 0) db.Execute($"TRUNCATE {string.Join(", ", tables.Select(t => $"\"{t}\""))}");
        return db;
    }

    public Task DisposeAsync()
    {
        _db?.Dispose();
        return Task.CompletedTask;
    }
}
