using LiteDB;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.LiteDb;

/// <summary>
/// The group commit on a real LiteDB file: writes queued while a writer is busy go into one transaction, each durable
/// when its caller returns (the file reopened shows them); a failing write costs only itself; one caller's writes keep
/// their order; inside an atomic write it joins that transaction. Batches are formed by holding the first writer on an
/// event until the others are queued (<see cref="GroupCommit.Queued"/>), never by waiting on the clock.
/// </summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly TempDir _dir = new();

    private StorageOptions Options => new() { Directory = _dir.Path };

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task WritesQueuedMeanwhile_RunTogetherOnOneWriter_AndAreAllInTheReopenedFile()
    {
        const int queued = 16;
        var ranOn = new int[queued];
        using (var db = new BotDatabase(Options))
        {
            var group = new GroupCommit(db);
            var items = db.Collection<BsonDocument>("items");
            await using (var held = HoldWriter(group, items))
            {
                var writes = Enumerable.Range(1, queued).Select(i => Run(() => group.Write(() =>
                {
                    ranOn[i - 1] = Environment.CurrentManagedThreadId;
                    return items.Insert(Doc(i));
                }))).ToList();
                SpinWait.SpinUntil(() => group.Queued == queued);
                held.Release();
                await Task.WhenAll(writes);
            }
        }

        Assert.Single(ranOn.Distinct()); // one writer ran the whole batch: one transaction, one commit
        using var reopened = new BotDatabase(Options);
        Assert.Equal(Enumerable.Range(0, queued + 1), reopened.Collection<BsonDocument>("items").FindAll().Select(d => d["_id"].AsInt32).Order());
    }

    [Fact]
    public async Task AwaitedWritesQueuedMeanwhile_RunTogether_AndAreAllInTheReopenedFile()
    {
        const int queued = 16;
        var ranOn = new int[queued];
        using (var db = new BotDatabase(Options))
        {
            var group = new GroupCommit(db);
            var items = db.Collection<BsonDocument>("items");
            await using (var held = HoldWriter(group, items))
            {
                // Not awaited yet: each write is queued at once, and its task ends when it is committed.
                var writes = Enumerable.Range(1, queued).Select(i => group.WriteAsync(() =>
                {
                    ranOn[i - 1] = Environment.CurrentManagedThreadId;
                    return items.Insert(Doc(i));
                })).ToList();
                Assert.Equal(queued, group.Queued);
                Assert.DoesNotContain(writes, w => w.IsCompleted);
                held.Release();
                await Task.WhenAll(writes);
            }
        }

        Assert.Single(ranOn.Distinct());
        using var reopened = new BotDatabase(Options);
        Assert.Equal(Enumerable.Range(0, queued + 1), reopened.Collection<BsonDocument>("items").FindAll().Select(d => d["_id"].AsInt32).Order());
    }

    [Fact]
    public async Task AFailingWrite_FailsAlone_AndTheOthersOfItsBatchAreStored()
    {
        using (var db = new BotDatabase(Options))
        {
            var group = new GroupCommit(db);
            var items = db.Collection<BsonDocument>("items");
            await using var held = HoldWriter(group, items);
            var before = Run(() => group.Write(() => items.Insert(Doc(1))));
            SpinWait.SpinUntil(() => group.Queued == 1);
            var failing = Run(() => group.Write<BsonValue>(() =>
            {
                items.Insert(Doc(2)); // half-way: must not stay
                throw new InvalidOperationException("this write fails");
            }));
            SpinWait.SpinUntil(() => group.Queued == 2);
            var after = Run(() => group.Write(() => items.Insert(Doc(3))));
            SpinWait.SpinUntil(() => group.Queued == 3);
            held.Release();

            Assert.Equal("this write fails", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
            await Task.WhenAll(before, after);
        }

        using var reopened = new BotDatabase(Options);
        Assert.Equal([0, 1, 3], reopened.Collection<BsonDocument>("items").FindAll().Select(d => d["_id"].AsInt32).Order());
    }

    [Fact]
    public async Task EachCallersWrites_KeepTheirOrder_WhileOthersWriteToo()
    {
        const int callers = 8, writesEach = 40;
        using (var db = new BotDatabase(Options))
        {
            var group = new GroupCommit(db);
            var counters = db.Collection<BsonDocument>("counters");
            await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Run(() =>
            {
                for (var i = 1; i <= writesEach; i++)
                {
                    var expected = i - 1;
                    var next = i;
                    group.Write(() =>
                    {
                        var seen = counters.FindById(c)?["n"].AsInt32 ?? 0;
                        Assert.Equal(expected, seen); // the caller's previous write is committed before its next one runs
                        return counters.Upsert(new BsonDocument { ["_id"] = c, ["n"] = next });
                    });
                }
            })));
        }

        using var reopened = new BotDatabase(Options);
        Assert.All(reopened.Collection<BsonDocument>("counters").FindAll(), d => Assert.Equal(writesEach, d["n"].AsInt32));
        Assert.Equal(callers, reopened.Collection<BsonDocument>("counters").Count());
    }

    [Fact]
    public void InsideAnAtomicWrite_AGroupWriteJoinsIt_AndIsRolledBackWithIt()
    {
        using var db = new BotDatabase(Options);
        var group = new GroupCommit(db);
        var items = db.Collection<BsonDocument>("items");

        Assert.Throws<InvalidOperationException>(() => new LiteDbAtomicWrites(db).Atomically(() =>
        {
            group.Write(() => items.Insert(Doc(1)));
            throw new InvalidOperationException("the atomic work fails after the group write");
        }));

        Assert.Equal(0, items.Count());
        Assert.False(db.InTransaction);
    }

    [Fact]
    public async Task ABatch_FlushesTheLogTwice_NotOncePerPage()
    {
        const int queued = 16;
        using var db = new BotDatabase(Options);
        var group = new GroupCommit(db);
        var items = db.Collection<BsonDocument>("items");
        await group.WriteAsync(() => items.Insert(Doc(-1))); // the collection exists: the batches below only add to it
        var before = db.LogFlushes;
        await using (var held = HoldWriter(group, items))
        {
            var writes = Enumerable.Range(1, queued).Select(i => group.WriteAsync(() => items.Insert(Doc(i)))).ToList();
            SpinWait.SpinUntil(() => group.Queued == queued);
            held.Release();
            await Task.WhenAll(writes);
        }

        // Two batches (the held write, then the sixteen), each written as several pages: two flushes a batch (the pages,
        // then the page confirming them), one more when the second batch's pages are written while the first one's
        // caller still waits. LiteDB's own writer flushed once per page it found alone in its queue.
        Assert.InRange(db.LogFlushes - before, 2, 6);
    }

    [Fact]
    public async Task AnAwaitedWrite_FindingNoWriter_IsWrittenOffItsCallersThread_AndAnsweredOnceOnTheDisk()
    {
        using (var db = new BotDatabase(Options))
        {
            var group = new GroupCommit(db);
            var items = db.Collection<BsonDocument>("items");
            var caller = Environment.CurrentManagedThreadId;
            using var returned = new ManualResetEventSlim();
            var ranInline = false;
            var write = group.WriteAsync(() =>
            {
                // Inline only if it runs on the caller's thread before WriteAsync returned (the caller is inside it).
                ranInline = !returned.IsSet && Environment.CurrentManagedThreadId == caller;
                if (!ranInline) returned.Wait();
                return items.Insert(Doc(1));
            });
            returned.Set();
            await write;
            // A request thread never runs the commit (and its fsync) itself: threads blocked in fsync slowed first contacts.
            Assert.False(ranInline);
            Assert.True(db.LogFlushes >= 1);
        }
        using var reopened = new BotDatabase(Options);
        Assert.Equal([1], reopened.Collection<BsonDocument>("items").FindAll().Select(d => d["_id"].AsInt32));
    }

    private static BsonDocument Doc(int id) => new() { ["_id"] = id };

    // A thread of its own per caller: callers block until their write is committed, as request threads do.
    private static Task Run(Action work) => Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static Task<T> Run<T>(Func<T> work) => Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>A first write (id 0) that holds the writer until released: whatever is written meanwhile queues behind it.</summary>
    private static HeldWriter HoldWriter(GroupCommit group, ILiteCollection<BsonDocument> items)
    {
        var started = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var write = Run(() => group.Write(() =>
        {
            started.Set();
            release.Wait();
            return items.Insert(Doc(0));
        }));
        started.Wait();
        return new HeldWriter(write, started, release);
    }

    private sealed class HeldWriter(Task write, ManualResetEventSlim started, ManualResetEventSlim release) : IAsyncDisposable
    {
        public void Release() => release.Set();

        public async ValueTask DisposeAsync()
        {
            release.Set();
            await write;
            started.Dispose();
            release.Dispose();
        }
    }
}
