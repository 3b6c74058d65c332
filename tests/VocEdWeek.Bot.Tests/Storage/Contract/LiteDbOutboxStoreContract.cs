using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Outbox;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// <see cref="OutboxStoreContract"/> over a real LiteDB file of its own per test. One process owns the file, so its second
/// worker is another thread on the same store, and a start closes every send it finds under way and lets go of every claim.
/// </summary>
public sealed class LiteDbOutboxStoreContract : OutboxStoreContract, IDisposable
{
    private readonly TempDir _dir = new();
    private BotDatabase? _db;

    private StorageOptions Options => new() { Directory = _dir.Path };

    protected override IOutboxStore NewStore() => new LiteDbOutboxStore(_db = new BotDatabase(Options), Clock);

    protected override IOutboxStore Reopen()
    {
        _ = Store;
        _db!.Dispose();
        return new LiteDbOutboxStore(_db = new BotDatabase(Options), Clock);
    }

    protected override IOutboxStore SecondWorker() => Store;

    [Fact]
    public void At_start_every_send_under_way_is_closed_and_every_claim_let_go_since_no_other_process_has_the_file()
    {
        Store.Add(Job("sending"));
        Store.Add(Job("reserved"));
        Store.TryClaim("sending", "before-the-crash", Nine, Lease);
        Store.ClaimDue(Nine, 10, "before-the-crash", Lease);

        var reopened = Reopen();

        Assert.Equal((OutboxState.Failed, OutboxOutcome.Interrupted), (reopened.Find("sending")!.State, reopened.Find("sending")!.Outcome));
        Assert.Null(reopened.Find("reserved")!.ClaimedUntil);
        Assert.Equal(["reserved"], reopened.ClaimDue(Nine, 10, "after-the-restart", Lease).Select(j => j.Id));
    }

    public void Dispose()
    {
        _db?.Dispose();
        _dir.Dispose();
    }
}
