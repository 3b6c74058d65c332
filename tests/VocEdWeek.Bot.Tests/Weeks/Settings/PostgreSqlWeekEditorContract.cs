using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.Weeks;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Weeks.Settings;

/// <summary>
/// <see cref="WeekEditorContract"/> on this class's database on the test cluster, emptied before each test; the other
/// instance opens a second <see cref="PgDatabase"/> (its own pool) on the same database.
/// </summary>
public sealed class PostgreSqlWeekEditorContract(PgTestDatabase database) : WeekEditorContract, IClassFixture<PgTestDatabase>, IDisposable
{
    private PgDatabase? _db;
    private PgDatabase? _second;

    protected override Stores Open()
    {
        _db = database.Fresh();
        return new(new PgWeekStore(_db), new PgSettingsLogStore(_db), new PgAtomicWrites(_db));
    }

    protected override Stores OtherInstance()
    {
        _second = new PgDatabase(database.ConnectionString);
        return new(new PgWeekStore(_second), new PgSettingsLogStore(_second), new PgAtomicWrites(_second));
    }

    protected override void BreakTheLog() => _db!.Execute("CREATE UNIQUE INDEX settingslog_kind_once ON settingslog (kind)");

    // The class's database outlives this test: the index that broke the log goes with it.
    public void Dispose()
    {
        _db?.Execute("DROP INDEX IF EXISTS settingslog_kind_once");
        _second?.Dispose();
    }
}
