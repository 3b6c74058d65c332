using VocEdWeek.Bot.Storage.PostgreSql.Weeks;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks.Settings;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="SettingsLogStoreContract"/> over this class's database on the test cluster, emptied before each test.</summary>
public sealed class PostgreSqlSettingsLogStoreContract(PgTestDatabase database) : SettingsLogStoreContract, IClassFixture<PgTestDatabase>
{
    protected override ISettingsLogStore NewStore() => new PgSettingsLogStore(database.Fresh());
}
