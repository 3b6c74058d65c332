using System.Buffers.Binary;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage;

/// <summary>
/// The log file's layout (<see cref="LogLayout"/>): written ahead and never cut short, so after a checkpoint the pages of
/// older logs stay in the file behind the current one. Reopened — as after a crash — the log must be exactly the current
/// epoch's pages from its start: never an older log's page, never a page written past one that did not reach the disk.
/// Driven as LiteDB drives a log stream (a position, 8 KB pages, SetLength(0) after a checkpoint).
/// </summary>
public sealed class LogLayoutTests : IDisposable
{
    private const int Page = LogLayout.PageSize;
    private readonly TempDir _dir = new();

    private string LogPath => Path.Combine(_dir.Path, "vocedweek-log.db");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ANewLog_StartsWithItsHeader_AndLiteDbReadsBackExactlyWhatItWrote()
    {
        byte[][] written = [LiteDbPage(1, 7), LiteDbPage(2, 7, confirms: true)];
        using (var log = LogFile.Open(LogPath))
        {
            WriteAt(log, 0, written[0]);
            WriteAt(log, 1, written[1]);
            Assert.Equal(2 * Page, log.Length);
            Assert.Equal(written[0].Concat(written[1]), ReadAll(log));
        }

        var file = File.ReadAllBytes(LogPath);
        Assert.Equal(LogLayout.Magic.ToArray(), file[..8]);
        Assert.Equal(1, BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(8)));
        Assert.Equal(1, file[Page + LogLayout.MarkAt]); // marked on the disk with its epoch
        Assert.Equal(0, written[0][LogLayout.MarkAt]); // LiteDB's own buffer left as it was
    }

    [Fact]
    public void AfterACheckpoint_TheOldLogStaysInTheFile_ButIsNoLongerTheLog_EvenAfterACrash()
    {
        using (var log = LogFile.Open(LogPath))
        {
            for (var i = 0; i < 5; i++) WriteAt(log, i, LiteDbPage((uint)i + 1, 1, confirms: i == 4));
            log.Flush();
            var before = new FileInfo(LogPath).Length;

            log.SetLength(0); // LiteDB's checkpoint emptied its log

            Assert.Equal(0, log.Length);
            Assert.Equal(before, new FileInfo(LogPath).Length); // not cut short: the next flushes rewrite in place
            WriteAt(log, 0, LiteDbPage(9, 2));
            WriteAt(log, 1, LiteDbPage(10, 2, confirms: true));
            log.Flush();
            Reopened(reopened =>
            {
                // A crash now: two pages of the new log, three of the old one behind them.
                Assert.Equal(2 * Page, reopened.Length);
                var read = ReadAll(reopened);
                Assert.Equal(9u, BinaryPrimitives.ReadUInt32LittleEndian(read));
                Assert.Equal(10u, BinaryPrimitives.ReadUInt32LittleEndian(read.AsSpan(Page)));
            });
        }
    }

    [Fact]
    public void ACheckpointWithNothingWrittenAfter_LeavesAnEmptyLog_NotTheOldOne()
    {
        using (var log = LogFile.Open(LogPath))
        {
            WriteAt(log, 0, LiteDbPage(1, 1, confirms: true));
            log.Flush();
            log.SetLength(0);
        }
        // Closed with an empty log: an empty file, as LiteDB alone would leave it.
        Assert.Equal(0, new FileInfo(LogPath).Length);

        using (var log = LogFile.Open(LogPath))
        {
            WriteAt(log, 0, LiteDbPage(1, 1, confirms: true));
            log.Flush();
            log.SetLength(0);
            Reopened(reopened => Assert.Equal(0, reopened.Length)); // a crash right after the checkpoint
        }
    }

    [Fact]
    public void APageWrittenPastOneThatNeverReachedTheDisk_IsNotPartOfTheLog()
    {
        using var log = LogFile.Open(LogPath);
        for (var i = 0; i < 3; i++) WriteAt(log, i, LiteDbPage((uint)i + 1, 1, confirms: i == 2));
        log.Flush();
        log.SetLength(0);

        // Two transactions of the new log: LiteDB gave page 0 to one and page 1 to the other, and page 1 came first.
        var waited = log.SyncedAsync(log.Epoch, 2 * Page);
        WriteAt(log, 1, LiteDbPage(21, 2, confirms: true));
        log.Flush();
        Assert.False(waited.IsCompleted); // never answered as durable

        // A crash now: page 0 still holds the old log's page; neither it nor the page behind it is the log.
        Reopened(reopened => Assert.Equal(0, reopened.Length));
    }

    [Fact]
    public void ALogLiteDbWroteOnItsOwn_IsReadAsItIs_UntilItsFirstCheckpoint_ThenTakesTheLayout()
    {
        byte[] own = [.. LiteDbPage(1, 3), .. LiteDbPage(2, 3, confirms: true)];
        File.WriteAllBytes(LogPath, own); // a log left by a bot from before, or by LiteDB alone

        using (var log = LogFile.Open(LogPath))
        {
            Assert.Equal(2 * Page, log.Length);
            Assert.Equal(own, ReadAll(log));
            WriteAt(log, 2, LiteDbPage(3, 4, confirms: true));
            Assert.Equal(3 * Page, new FileInfo(LogPath).Length); // appended as LiteDB would
            Reopened(reopened => Assert.Equal(3 * Page, reopened.Length));

            log.SetLength(0);
            WriteAt(log, 0, LiteDbPage(5, 5, confirms: true));
            log.Flush();
        }

        var file = File.ReadAllBytes(LogPath);
        Assert.Equal(LogLayout.Magic.ToArray(), file[..8]);
        Reopened(reopened => Assert.Equal(Page, reopened.Length));
    }

    [Fact]
    public void WhenTheEpochsMarkComesRoundAgain_TheFileIsCutBackFirst()
    {
        using var log = LogFile.Open(LogPath);
        for (var epoch = 1; epoch <= 255; epoch++)
        {
            WriteAt(log, 0, LiteDbPage(1, (uint)epoch, confirms: true));
            if (epoch == 1) for (var i = 1; i < 4; i++) WriteAt(log, i, LiteDbPage((uint)i + 1, 1, confirms: true));
            log.Flush();
            log.SetLength(0);
        }
        // Epoch 256 carries mark 1 again, as epoch 1's pages 1-3 did: they must be gone, not taken for this log's.
        Assert.Equal(1, LogLayout.MarkOf(256));
        Assert.Equal(Page, new FileInfo(LogPath).Length);
        WriteAt(log, 0, LiteDbPage(1, 256, confirms: true));
        log.Flush();
        Reopened(reopened => Assert.Equal(Page, reopened.Length));
    }

    [Fact]
    public void AWritingLiteDbThatUsesTheMarksByte_IsRefused_AndItsWaitsFail()
    {
        using var log = LogFile.Open(LogPath);
        var waited = log.SyncedAsync(log.Epoch, Page);
        var page = LiteDbPage(1, 1, confirms: true);
        page[LogLayout.MarkAt] = 4;

        Assert.Throws<IOException>(() => WriteAt(log, 0, page));
        Assert.True(waited.IsFaulted);
    }

    [Fact]
    public void AFileOfAnotherKind_WithOurMagicButNoEpoch_IsRefused()
    {
        var header = new byte[Page];
        LogLayout.Magic.CopyTo(header);
        File.WriteAllBytes(LogPath, header);

        Assert.Throws<IOException>(() => LogFile.Open(LogPath).Dispose());
    }

    // What a crash leaves is what is in the file: a second, read-only look at it (the first keeps it open, as a killed
    // process's last state) is opened on a copy, so the test's own log is not touched.
    private void Reopened(Action<LogFile> check)
    {
        var copy = Path.Combine(_dir.Path, $"copy-{Guid.NewGuid():N}-log.db");
        File.Copy(LogPath, copy);
        using var reopened = LogFile.Open(copy);
        check(reopened);
    }

    private static byte[] LiteDbPage(uint pageId, uint transaction, bool confirms = false)
    {
        var page = new byte[Page];
        BinaryPrimitives.WriteUInt32LittleEndian(page, pageId);
        page[4] = 4; // a data page
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(14), transaction);
        page[18] = confirms ? (byte)1 : (byte)0;
        page[100] = (byte)pageId;
        return page;
    }

    private static void WriteAt(LogFile log, long index, byte[] page)
    {
        log.Position = index * Page;
        log.Write(page, 0, page.Length);
    }

    private static byte[] ReadAll(LogFile log)
    {
        var all = new byte[log.Length];
        log.Position = 0;
        var read = 0;
        while (read < all.Length)
        {
            var n = log.Read(all, read, all.Length - read);
            if (n == 0) break;
            read += n;
        }
        Assert.Equal(all.Length, read);
        return all;
    }
}
