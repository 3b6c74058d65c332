using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.Outbox;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// <see cref="OutboxStoreContract"/> over this class's database on the test cluster, emptied before each test. Its second
/// worker is another instance: a store over its own <see cref="PgDatabase"/> (its own connection pool) on the same database;
/// a reopened store is the instance <see cref="OutboxStoreContract.Restarted"/> starting again.
/// </summary>
public sealed class PostgreSqlOutboxStoreContract(PgTestDatabase database) : OutboxStoreContract, IClassFixture<PgTestDatabase>, IDisposable
{
    private readonly List<PgDatabase> _instances = [];

    protected override IOutboxStore NewStore() => new PgOutboxStore(database.Fresh(), new InstanceName("first"), Clock);

    protected override IOutboxStore Reopen() => new PgOutboxStore(Instance(), new InstanceName(Restarted), Clock);

    protected override IOutboxStore SecondWorker()
    {
        _ = Store;
        return new PgOutboxStore(Instance(), new InstanceName("second"), Clock);
    }

    private PgDatabase Instance()
    {
        var db = new PgDatabase(database.ConnectionString);
        _instances.Add(db);
        return db;
    }

    [Fact]
    public void At_start_only_the_instances_own_sends_are_closed_and_another_instances_are_left_to_it_and_to_the_sweep()
    {
        Store.Add(Job("live"));
        Store.Add(Job("dead"));
        Store.Add(Job("own"));
        Store.Add(Job("unclaimed", state: OutboxState.Sending));
        Store.TryClaim("dead", "instance-a", Nine, Lease);
        Clock.Advance(TimeSpan.FromMinutes(1));
        Store.TryClaim("live", "instance-b", Clock.GetUtcNow(), Lease);
        Store.TryClaim("own", Restarted, Clock.GetUtcNow(), Lease);
        Clock.Advance(Lease - TimeSpan.FromMinutes(1));

        var started = Reopen();

        Assert.Equal((OutboxState.Failed, OutboxOutcome.Interrupted), (started.Find("own")!.State, started.Find("own")!.Outcome));
        // A send nobody claims cannot be under way anywhere (every send starts with a claim): closed too.
        Assert.Equal((OutboxState.Failed, OutboxOutcome.Interrupted), (started.Find("unclaimed")!.State, started.Find("unclaimed")!.Outcome));
        // Not its own: start-up leaves them, even the one whose claim ran out (a live instance may be finishing it).
        Assert.Equal((OutboxState.Sending, "instance-b"), (started.Find("live")!.State, started.Find("live")!.ClaimedBy));
        Assert.Equal((OutboxState.Sending, "instance-a"), (started.Find("dead")!.State, started.Find("dead")!.ClaimedBy));
        // The sweep closes the one whose claim ran out, and still not the live one.
        Assert.Equal(1, started.InterruptExpired(Clock.GetUtcNow()));
        Assert.Equal((OutboxState.Failed, OutboxOutcome.Interrupted), (started.Find("dead")!.State, started.Find("dead")!.Outcome));
        Assert.Equal(OutboxState.Sending, started.Find("live")!.State);
    }

    public void Dispose()
    {
        foreach (var db in _instances) db.Dispose();
    }
}
