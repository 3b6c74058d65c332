using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.Files;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// <see cref="MediaStoreContract"/> over this class's database on the test cluster, emptied before each test; the other
/// instance has a PgDatabase (a connection pool) of its own, as a second bot process would.
/// </summary>
public sealed class PostgreSqlMediaStoreContract(PgTestDatabase database) : MediaStoreContract, IClassFixture<PgTestDatabase>, IDisposable
{
    private PgDatabase? _other;

    protected override IMediaStore NewStore() => new PgMediaStore(database.Fresh());

    protected override IMediaStore OtherInstance() => new PgMediaStore(_other = new PgDatabase(database.ConnectionString));

    public void Dispose() => _other?.Dispose();
}
