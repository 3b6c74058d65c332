using VocEdWeek.Bot.Features.WeekSetup;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.WeekSetup;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// <see cref="SetupPendingStoreContract"/> over this class's database on the test cluster, emptied before each test; the
/// other instance is a store over a second <see cref="PgDatabase"/> (its own pool) on the same database.
/// </summary>
public sealed class PostgreSqlSetupPendingStoreContract(PgTestDatabase database) : SetupPendingStoreContract, IClassFixture<PgTestDatabase>, IDisposable
{
    private PgDatabase? _second;

    protected override ISetupPendingStore NewStore(TimeProvider time) => new PgSetupPendingStore(database.Fresh(), time);

    protected override ISetupPendingStore OtherInstance(TimeProvider time) => new PgSetupPendingStore(_second = new PgDatabase(database.ConnectionString), time);

    public void Dispose() => _second?.Dispose();
}
