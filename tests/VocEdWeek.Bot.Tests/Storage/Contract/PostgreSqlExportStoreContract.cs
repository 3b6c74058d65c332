using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Storage.PostgreSql.Exports;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="ExportStoreContract"/> over this class's database on the test cluster, emptied before each test.</summary>
public sealed class PostgreSqlExportStoreContract(PgTestDatabase database) : ExportStoreContract, IClassFixture<PgTestDatabase>
{
    protected override IExportStore NewStore() => new PgExportStore(database.Fresh());
}
