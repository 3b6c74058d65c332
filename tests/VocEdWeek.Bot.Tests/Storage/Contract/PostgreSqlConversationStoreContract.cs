using Microsoft.Extensions.Logging.Abstractions;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.Conversation;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// <see cref="ConversationStoreContract"/> over this class's database on the test cluster, emptied before each test; the
/// other instance has a <see cref="PgDatabase"/> (a connection pool) of its own, as a second bot process would.
/// </summary>
public sealed class PostgreSqlConversationStoreContract(PgTestDatabase database) : ConversationStoreContract, IClassFixture<PgTestDatabase>, IDisposable
{
    private PgDatabase? _other;

    protected override IConversationStore NewStore() => new PgConversationStore(database.Fresh());

    protected override IConversationStore OtherInstance() =>
        new PgConversationStore(_other = PgDatabase.OpenMigrated(database.ConnectionString, NullLogger<PgMigrations>.Instance));

    public void Dispose() => _other?.Dispose();
}
