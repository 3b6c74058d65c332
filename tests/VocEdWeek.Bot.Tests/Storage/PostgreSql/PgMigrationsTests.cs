using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.PostgreSql;

/// <summary>The schema is applied once, whoever starts first and however often: each test on an empty database of its own.</summary>
public sealed class PgMigrationsTests
{
    private static IReadOnlyList<int> Apply(PgDatabase db) => new PgMigrations(db, NullLogger<PgMigrations>.Instance).Apply();

    private static List<string> Schema(PgDatabase db) => db.Query("""
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable FROM information_schema.columns WHERE table_schema = 'public'
        UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL SELECT 'applied ' || version || ' ' || name || ' ' || applied_at FROM schema_migrations
        ORDER BY 1
        """, r => r.GetString(0));

    [Fact]
    public void The_bot_carries_the_first_migration_and_every_version_once()
    {
        Assert.Equal((1, "schedule_slots"), (PgMigrations.All[0].Version, PgMigrations.All[0].Name));
        Assert.Equal(PgMigrations.All.Count, PgMigrations.All.Select(m => m.Version).Distinct().Count());
    }

    [Fact]
    public async Task Applying_twice_changes_nothing()
    {
        using var db = new PgDatabase(await PostgresCluster.CreateDatabaseAsync());

        Assert.Equal(PgMigrations.All.Select(m => m.Version), Apply(db));
        var after = Schema(db);
        Assert.Contains("column schedule_slots.at timestamp with time zone NO", after);
        Assert.Contains(after, s => s.StartsWith("applied 1 schedule_slots ", StringComparison.Ordinal));

        Assert.Empty(Apply(db));
        Assert.Equal(after, Schema(db));
    }

    [Fact]
    public async Task Each_file_is_idempotent_on_its_own()
    {
        // Applied by hand before the bot ran (or half a deployment): running the file again must not fail.
        using var db = new PgDatabase(await PostgresCluster.CreateDatabaseAsync());
        Apply(db);
        var before = Schema(db);

        foreach (var m in PgMigrations.All) db.Execute(m.Sql);

        Assert.Equal(before, Schema(db));
    }

    [Fact]
    public async Task Two_instances_starting_together_both_succeed_and_the_schema_is_made_once()
    {
        var connectionString = await PostgresCluster.CreateDatabaseAsync();
        using var first = new PgDatabase(connectionString);
        using var second = new PgDatabase(connectionString);
        await using var holder = new NpgsqlConnection(connectionString);
        await holder.OpenAsync();

        // Hold the migrators' lock until both are queued behind it, so they really start together.
        await Exec(holder, $"SELECT pg_advisory_lock({PgMigrations.LockKey})");
        var runs = new[] { Task.Run(() => Apply(first)), Task.Run(() => Apply(second)) };
        await Exec(holder, $"SET statement_timeout = {(int)HangGuard.Limit.TotalMilliseconds}");
        try
        {
            await Exec(holder, """
                DO $$ BEGIN
                    WHILE (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) < 2
                    LOOP PERFORM pg_sleep(0.01); END LOOP;
                END $$
                """);
        }
        catch (Npgsql.PostgresException ex) when (ex.SqlState == PostgresErrorCodes.QueryCanceled)
        {
            Assert.Fail("The two migrators never both waited on the advisory lock (PgMigrations.LockKey): they would race.");
        }
        await Exec(holder, $"SELECT pg_advisory_unlock({PgMigrations.LockKey})");
        var applied = await Task.WhenAll(runs).WaitAsync(HangGuard.Limit);

        // One applied everything, the other found it done.
        Assert.Equal(PgMigrations.All.Select(m => m.Version), applied.SelectMany(a => a).Order());
        Assert.Contains(applied, a => a.Count == 0);
        Assert.Equal(PgMigrations.All.Count, first.Scalar<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(1L, first.Scalar<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'schedule_slots'"));
    }

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        // No client timeout: statement_timeout (the hang guard) ends a wait that never ends.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
