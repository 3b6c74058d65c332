using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage;

/// <summary>
/// The log file LiteDB writes through (<see cref="LogFile"/>): a transaction's pages are not flushed on their own; the
/// page that confirms it is written only after everything before it is on the disk, and is flushed itself when LiteDB's
/// writer runs dry — two flushes a commit. A wait for a log length ends once that much is on the disk, or the log was cut
/// by a checkpoint. Driven the way LiteDB drives it: a position, an 8 KB page, a flush when its queue is empty.
/// </summary>
public sealed class LogFileTests : IDisposable
{
    private const int Page = 8192;
    private readonly TempDir _dir = new();
    private readonly LogFile _log;

    public LogFileTests() => _log = LogFile.Open(Path.Combine(_dir.Path, "vocedweek-log.db"));

    public void Dispose()
    {
        _log.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void BodyPages_WaitForTheirConfirmingPage_WhichFlushesThemBeforeItIsWritten_AndItselfAfter()
    {
        WritePage(0, confirms: false);
        WritePage(1, confirms: false);
        WritePage(2, confirms: false);
        _log.Flush(); // LiteDB's writer ran dry mid-transaction: nobody needs these pages on the disk yet
        Assert.Equal(0, _log.Flushes);

        WritePage(3, confirms: true);
        Assert.Equal(1, _log.Flushes); // the three body pages, before the confirming page was written

        _log.Flush();
        Assert.Equal(2, _log.Flushes);
        _log.Flush(); // nothing new
        Assert.Equal(2, _log.Flushes);
        Assert.Equal(4 * Page, _log.Length);
    }

    [Fact]
    public void AWait_EndsOnlyOnceItsWholeLengthIsOnTheDisk()
    {
        var waited = _log.SyncedAsync(_log.Epoch, 2 * Page);
        WritePage(0, confirms: false);
        WritePage(1, confirms: true); // flushes page 0 first: not yet page 1
        Assert.False(waited.IsCompleted);

        _log.Flush();
        Assert.True(waited.IsCompletedSuccessfully);
    }

    [Fact]
    public void PagesWrittenPastAGap_CountOnceTheGapIsWritten()
    {
        // Two transactions queued at once: LiteDB gave page 0 to one, page 1 to the other, and writes page 1 first.
        var waited = _log.SyncedAsync(_log.Epoch, 2 * Page);
        WritePage(1, confirms: true);
        _log.Flush();
        Assert.False(waited.IsCompleted);

        WritePage(0, confirms: true);
        _log.Flush();
        Assert.True(waited.IsCompletedSuccessfully);
    }

    [Fact]
    public void AWaitComingAfterLiteDbsWriterRanDry_FlushesItself()
    {
        WritePage(0, confirms: false);
        _log.Flush(); // skipped: no confirming page, nobody waiting — and no other flush will come
        Assert.Equal(0, _log.Flushes);

        Assert.True(_log.SyncedAsync(_log.Epoch, Page).IsCompletedSuccessfully);
        Assert.Equal(1, _log.Flushes);
    }

    [Fact]
    public void CuttingTheLog_AfterACheckpoint_EndsEveryWait_AndStartsANewEpoch()
    {
        var epoch = _log.Epoch;
        var waited = _log.SyncedAsync(epoch, 3 * Page);
        WritePage(0, confirms: true);

        _log.SetLength(0); // a checkpoint copied the log into the flushed data file

        Assert.True(waited.IsCompletedSuccessfully);
        Assert.NotEqual(epoch, _log.Epoch);
        Assert.True(_log.SyncedAsync(epoch, 3 * Page).IsCompletedSuccessfully);
    }

    [Fact]
    public void ClosingTheLog_FailsTheWaitsLeft()
    {
        var waited = _log.SyncedAsync(_log.Epoch, Page);
        _log.Dispose();

        Assert.ThrowsAny<ObjectDisposedException>(() => WritePage(0, confirms: true));
        Assert.True(waited.IsFaulted);
    }

    private void WritePage(int index, bool confirms)
    {
        var page = new byte[Page];
        page[0] = (byte)index;
        page[18] = confirms ? (byte)1 : (byte)0; // LiteDB's "is confirmed" byte of a page header
        _log.Position = (long)index * Page;
        _log.Write(page, 0, Page);
    }
}
