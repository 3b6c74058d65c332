using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.Recommendations;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// <see cref="PickStoreContract"/> over this class's database on the test cluster, emptied before each test; the
/// other instance is a store over a second <see cref="PgDatabase"/> (its own pool) on the same database.
/// </summary>
public sealed class PostgreSqlPickStoreContract(PgTestDatabase database) : PickStoreContract, IClassFixture<PgTestDatabase>, IDisposable
{
    private PgDatabase? _second;

    protected override IPickStore NewStore() => new PgPickStore(database.Fresh());

    protected override IPickStore OtherInstance() => new PgPickStore(_second = new PgDatabase(database.ConnectionString));

    public void Dispose() => _second?.Dispose();
}
