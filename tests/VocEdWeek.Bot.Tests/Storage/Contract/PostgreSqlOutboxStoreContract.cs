using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.Outbox;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// <see cref="OutboxStoreContract"/> over this class's database on the test cluster, emptied before each test. Its second
/// worker is another instance: a store over its own <see cref="PgDatabase"/> (its own connection pool) on the same database.
/// </summary>
public sealed class PostgreSqlOutboxStoreContract(PgTestDatabase database) : OutboxStoreContract, IClassFixture<PgTestDatabase>, IDisposable
{
    private readonly List<PgDatabase> _instances = [];

    protected override IOutboxStore NewStore() => new PgOutboxStore(database.Fresh(), Clock);

    protected override IOutboxStore Reopen() => new PgOutboxStore(Instance(), Clock);

    protected override IOutboxStore SecondWorker()
    {
        _ = Store;
        return new PgOutboxStore(Instance(), Clock);
    }

    private PgDatabase Instance()
    {
        var db = new PgDatabase(database.ConnectionString);
        _instances.Add(db);
        return db;
    }

    [Fact]
    public void At_start_a_send_another_instance_still_holds_is_left_to_it()
    {
        Store.Add(Job("live"));
        Store.Add(Job("dead"));
        Store.TryClaim("dead", "instance-a", Nine, Lease);
        Clock.Advance(TimeSpan.FromMinutes(1));
        Store.TryClaim("live", "instance-b", Clock.GetUtcNow(), Lease);
        Clock.Advance(Lease - TimeSpan.FromMinutes(1));

        var started = Reopen();

        Assert.Equal((OutboxState.Failed, OutboxOutcome.Interrupted), (started.Find("dead")!.State, started.Find("dead")!.Outcome));
        var live = started.Find("live")!;
        Assert.Equal((OutboxState.Sending, "instance-b"), (live.State, live.ClaimedBy));
    }

    public void Dispose()
    {
        foreach (var db in _instances) db.Dispose();
    }
}
