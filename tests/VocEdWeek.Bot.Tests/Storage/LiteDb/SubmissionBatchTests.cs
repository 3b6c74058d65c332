using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb;
using VocEdWeek.Bot.Storage.LiteDb.Submissions;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.LiteDb;

/// <summary>
/// Several submits in one group-commit batch, formed by holding the writer on an event until they are all queued (never
/// by the clock): one slot's versions are numbered on within the batch and a key twice in it is stored once; a batch in
/// which one write fails is rolled back and run again write by write, and memory then holds exactly what the file does.
/// </summary>
public sealed class SubmissionBatchTests : IDisposable
{
    private const string Week = "2024-wuxi", Item = "report:2024-05-14";
    private readonly TempDir _dir = new();

    private StorageOptions Options => new() { Directory = _dir.Path };

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task OneSlotsSubmitsInOneBatch_AreNumberedOn_AndAKeyTwiceIsStoredOnce()
    {
        using (var db = new BotDatabase(Options))
        {
            var store = new LiteDbSubmissionStore(db);
            await store.SubmitAsync(Candidate("card0"));
            var results = await InOneBatch(store, [Candidate("card1"), Candidate("card2"), Candidate("card1"), Candidate("card3")]);

            Assert.Equal([(2, false), (3, false), (2, true), (4, false)], results.Select(r => (r.Stored.Version, r.Duplicate)));
            Assert.Equal(results[0].Stored.Id, results[2].Stored.Id);
            Assert.Equal(5, (await store.SubmitAsync(Candidate("card4"))).Stored.Version);
        }

        using var reopened = new BotDatabase(Options);
        var history = new LiteDbSubmissionStore(reopened).History(Week, "jd", Item);
        Assert.Equal([(1, false), (2, false), (3, false), (4, false), (5, true)], history.Select(h => (h.Version, h.IsCurrent)));
    }

    [Fact]
    public async Task ABatchWithAFailingWrite_IsRunAgainWriteByWrite_AndMemoryHoldsOnlyWhatTheFileHolds()
    {
        using var db = new BotDatabase(Options);
        var store = new LiteDbSubmissionStore(db);
        await store.SubmitAsync(Candidate("card0"));
        // A slot key longer than LiteDB takes in an index (1,023 bytes): its insert throws, after the others of the
        // batch (one of which demoted version 1) wrote theirs in the same transaction.
        var failing = Candidate("card-long", item: new string('x', 1100));

        var results = InOneBatch(store, [Candidate("card1"), failing, Candidate("card2")]);

        await Assert.ThrowsAnyAsync<Exception>(() => results);
        var history = store.History(Week, "jd", Item);
        Assert.Equal([(1, false), (2, false), (3, true)], history.Select(h => (h.Version, h.IsCurrent)));
        // The failed write's key was never stored: the same card with a valid item is new, not a duplicate.
        var (again, duplicate) = await store.SubmitAsync(Candidate("card-long"));
        Assert.Equal((4, false), (again.Version, duplicate));
        Assert.Equal(4, store.Current(Week, "jd", Item)!.Version);
    }

    // The writer is held on a first write of the store's group until every candidate is queued behind it.
    internal static async Task<(Submission Stored, bool Duplicate)[]> InOneBatch(LiteDbSubmissionStore store, IReadOnlyList<Submission> candidates)
    {
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        var held = Task.Factory.StartNew(() => store.Group.Write(() =>
        {
            started.Set();
            release.Wait();
            return 0;
        }), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        started.Wait();
        var submits = candidates.Select(store.SubmitAsync).ToList();
        SpinWait.SpinUntil(() => store.Group.Queued == candidates.Count);
        release.Set();
        await held;
        return await Task.WhenAll(submits);
    }

    private static Submission Candidate(string card, string item = Item) => new()
    {
        WeekId = Week,
        DepartmentId = "jd",
        ItemKey = item,
        SubmittedAt = new DateTime(2024, 5, 14, 3, 59, 0, DateTimeKind.Utc),
        SubmittedByName = "张伟",
        IdempotencyKey = $"{Week}|jd|{card}",
        Data = """{"story":"v"}""",
    };
}
