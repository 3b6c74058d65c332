using VocEdWeek.Bot.Storage.PostgreSql.Weeks;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks.Store;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="WeekStoreContract"/> over this class's database on the test cluster, emptied before each test.</summary>
public sealed class PostgreSqlWeekStoreContract(PgTestDatabase database) : WeekStoreContract, IClassFixture<PgTestDatabase>
{
    protected override IWeekStore NewStore() => new PgWeekStore(database.Fresh());
}
