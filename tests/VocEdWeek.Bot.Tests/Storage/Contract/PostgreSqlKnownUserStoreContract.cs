using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Storage.PostgreSql.Identity;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="KnownUserStoreContract"/> over this class's database on the test cluster, emptied before each test.</summary>
public sealed class PostgreSqlKnownUserStoreContract(PgTestDatabase database) : KnownUserStoreContract, IClassFixture<PgTestDatabase>
{
    protected override IKnownUserStore NewStore() => new PgKnownUserStore(database.Fresh());
}
