using VocEdWeek.Bot.Features.Settings;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.Settings;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// <see cref="PendingChangeStoreContract"/> over this class's database on the test cluster, emptied before each test; the
/// other instance is a store over a second <see cref="PgDatabase"/> (its own pool) on the same database.
/// </summary>
public sealed class PostgreSqlPendingChangeStoreContract(PgTestDatabase database) : PendingChangeStoreContract, IClassFixture<PgTestDatabase>, IDisposable
{
    private PgDatabase? _second;

    protected override IPendingChangeStore NewStore() => new PgPendingChangeStore(database.Fresh());

    protected override IPendingChangeStore OtherInstance() => new PgPendingChangeStore(_second = new PgDatabase(database.ConnectionString));

    public void Dispose() => _second?.Dispose();
}
