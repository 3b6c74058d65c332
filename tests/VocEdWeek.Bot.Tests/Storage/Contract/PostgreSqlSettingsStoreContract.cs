using Microsoft.Extensions.Logging.Abstractions;
using VocEdWeek.Bot.Features.DigestChannel;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.DigestChannel;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// <see cref="SettingsStoreContract"/> over this class's database on the test cluster, emptied before each test; the other
/// instance has a <see cref="PgDatabase"/> (a connection pool) of its own, as a second bot process would.
/// </summary>
public sealed class PostgreSqlSettingsStoreContract(PgTestDatabase database) : SettingsStoreContract, IClassFixture<PgTestDatabase>, IDisposable
{
    private PgDatabase? _other;

    protected override ISettingsStore NewStore() => new PgSettingsStore(database.Fresh());

    protected override ISettingsStore OtherInstance() =>
        new PgSettingsStore(_other = PgDatabase.OpenMigrated(database.ConnectionString, NullLogger<PgMigrations>.Instance));

    public void Dispose() => _other?.Dispose();
}
