using VocEdWeek.Bot.Features.Reminders;
using VocEdWeek.Bot.Storage.PostgreSql.Reminders;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary><see cref="ReminderLogStoreContract"/> over this class's database on the test cluster, emptied before each test.</summary>
public sealed class PostgreSqlReminderLogStoreContract(PgTestDatabase database) : ReminderLogStoreContract, IClassFixture<PgTestDatabase>
{
    protected override IReminderLogStore NewStore() => new PgReminderLogStore(database.Fresh());
}
