using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Storage.PostgreSql.Scheduling;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="SlotStoreContract"/> over this class's database on the test cluster, emptied before each test.</summary>
public sealed class PostgreSqlSlotStoreContract(PgTestDatabase database) : SlotStoreContract, IClassFixture<PgTestDatabase>
{
    protected override ISlotStore NewStore() => new PgSlotStore(database.Fresh());
}
