using Microsoft.Extensions.Logging.Abstractions;
using VocEdWeek.Bot.Features.UploadPage;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.UploadPage;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// <see cref="UploadAcknowledgementStoreContract"/> over this class's database on the test cluster, emptied before each test; the other
/// instance has a <see cref="PgDatabase"/> (a connection pool) of its own, as a second bot process would.
/// </summary>
public sealed class PostgreSqlUploadAcknowledgementStoreContract(PgTestDatabase database) : UploadAcknowledgementStoreContract, IClassFixture<PgTestDatabase>, IDisposable
{
    private PgDatabase? _other;

    protected override IUploadAcknowledgementStore NewStore() => new PgUploadAcknowledgementStore(database.Fresh());

    protected override IUploadAcknowledgementStore OtherInstance() =>
        new PgUploadAcknowledgementStore(_other = PgDatabase.OpenMigrated(database.ConnectionString, NullLogger<PgMigrations>.Instance));

    public void Dispose() => _other?.Dispose();
}
