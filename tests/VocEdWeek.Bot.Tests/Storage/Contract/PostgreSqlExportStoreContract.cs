using Npgsql;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.Exports;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="ExportStoreContract"/> over this class's database on the test cluster, emptied before each test.</summary>
public sealed class PostgreSqlExportStoreContract(PgTestDatabase database) : ExportStoreContract, IClassFixture<PgTestDatabase>, IDisposable
{
    private PgDatabase? _gone;

    protected override IExportStore NewStore() => new PgExportStore(database.Fresh());

    /// <summary>A store over a database of the cluster that does not exist (dropped, say): every call fails in PostgreSQL.</summary>
    protected override IExportStore BrokenStore() =>
        new PgExportStore(_gone = new PgDatabase(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "no_such_database" }.ConnectionString));

    public void Dispose() => _gone?.Dispose();
}
