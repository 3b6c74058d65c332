using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage;

/// <summary>
/// A commit's wait for the disk (<see cref="DiskWait"/>): its one hand-off runs on the thread that flushed the log (no hop
/// through the pool), at once when the length is already flushed, with the error when the disk failed; as a task, its
/// awaiting code never runs on the flushing thread.
/// </summary>
public sealed class DiskWaitTests : IDisposable
{
    private const int Page = 8192;
    private readonly TempDir _dir = new();
    private readonly LogFile _log;

    public DiskWaitTests() => _log = LogFile.Open(Path.Combine(_dir.Path, "vocedweek-log.db"));

    public void Dispose()
    {
        _log.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void TheHandOff_RunsOnTheThreadThatFlushed_OnceTheWholeLengthIsOnTheDisk()
    {
        var wait = _log.Synced(_log.Epoch, Page);
        var ranOn = 0;
        wait.Then(error => ranOn = error is null ? Environment.CurrentManagedThreadId : -1);
        Assert.False(wait.IsCompleted);

        var flusher = new Thread(() =>
        {
            WritePage(0, confirms: true);
            _log.Flush();
        });
        flusher.Start();
        flusher.Join();

        Assert.Equal(flusher.ManagedThreadId, ranOn);
        // A length already on the disk: the hand-off runs at once, on the caller's thread.
        var again = 0;
        _log.Synced(_log.Epoch, Page).Then(_ => again = Environment.CurrentManagedThreadId);
        Assert.Equal(Environment.CurrentManagedThreadId, again);
    }

    [Fact]
    public void AFailedDisk_HandsOverItsError_AndAWaitHasOneHandOff()
    {
        var wait = _log.Synced(_log.Epoch, Page);
        Exception? got = null;
        wait.Then(error => got = error);
        Assert.Throws<InvalidOperationException>(() => wait.Then(_ => { }));

        _log.Dispose(); // fails every wait: nobody waits for a flush that will not come

        Assert.IsType<ObjectDisposedException>(got);
    }

    [Fact]
    public async Task AsATask_ItsAwaitingCodeDoesNotRunOnTheFlushingThread()
    {
        var waited = _log.SyncedAsync(_log.Epoch, Page);
        var resumed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var awaiting = Resume(waited, resumed);
        var flusher = new Thread(() =>
        {
            WritePage(0, confirms: true);
            _log.Flush();
        });
        flusher.Start();
        flusher.Join();

        await awaiting;
        Assert.NotEqual(flusher.ManagedThreadId, await resumed.Task);
    }

    private static async Task Resume(Task waited, TaskCompletionSource<int> resumed)
    {
        await waited.ConfigureAwait(false);
        resumed.SetResult(Environment.CurrentManagedThreadId);
    }

    private void WritePage(int index, bool confirms)
    {
        var page = new byte[Page];
        page[18] = confirms ? (byte)1 : (byte)0; // LiteDB's "is confirmed" byte of a page header
        _log.Position = (long)index * Page;
        _log.Write(page, 0, Page);
    }
}
