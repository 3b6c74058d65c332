using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.Scheduling;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="AtomicWritesContract"/> over this class's database on the test cluster, emptied before each test.</summary>
public sealed class PostgreSqlAtomicWritesContract(PgTestDatabase database) : AtomicWritesContract, IClassFixture<PgTestDatabase>
{
    protected override (ISlotStore Slots, IAtomicWrites Writes) Open()
    {
        var db = database.Fresh();
        return (new PgSlotStore(db), new PgAtomicWrites(db));
    }
}
