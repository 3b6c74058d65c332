namespace VocEdWeek.Bot.Storage;

/// <summary>
/// LiteDB's write-ahead log (the <c>-log.db</c> beside the database), handed to LiteDB as its log stream so that the bot,
/// not LiteDB, decides when it is flushed. LiteDB 5.0.20 commits by queueing the pages for its log writer thread and
/// returns before they are written; that thread fsyncs whenever its queue runs dry — under load after nearly every page —
/// and says "queue empty" before that fsync. So a commit was neither on the disk when it returned, nor cheap.
/// <para>Here a transaction's pages are written as they come and not flushed on their own. Before the page that confirms a
/// transaction (LiteDB marks its last page so) is written, everything written before it is flushed: the confirming page
/// never reaches the disk ahead of the pages it confirms, the order LiteDB's recovery relies on. When LiteDB's writer
/// runs dry it asks for a flush, done only when a confirming page, or a page someone waits for, is not yet on the disk:
/// two flushes a commit however many pages it has. <see cref="SyncedAsync"/> ends once the log is on the disk up to a
/// length (<see cref="DurableEngine"/> waits on it after each commit).</para>
/// </summary>
public sealed class LogFile : Stream
{
    private const int PageSize = 8192;
    private const int IsConfirmedAt = 18; // LiteDB's BasePage.P_IS_CONFIRMED

    private readonly FileStream _file;
    private readonly LogSyncs _syncs;

    private LogFile(FileStream file)
    {
        _file = file;
        // What a killed process left is in the OS's cache, maybe not on the disk: on the disk before anything is added.
        _file.Flush(flushToDisk: true);
        _syncs = new LogSyncs(file.Length);
    }

    public static LogFile Open(string path) =>
        new(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0, FileOptions.RandomAccess));

    /// <summary>fsyncs of the log file so far (tests and the benchmark count them).</summary>
    public long Flushes => _syncs.Flushes;

    /// <summary>Bumped each time LiteDB cuts the log (after a checkpoint has put everything in it into the data file).</summary>
    public long Epoch => _syncs.Epoch;

    /// <summary>Ends once the log of <paramref name="epoch"/> is on the disk up to <paramref name="length"/> bytes, or was checkpointed.</summary>
    public DiskWait Synced(long epoch, long length) => _syncs.Wait(epoch, length, () => Guarded(Sync));

    /// <summary>The same as a task, for callers that await (its continuations do not run on the flushing thread).</summary>
    public Task SyncedAsync(long epoch, long length) => Synced(epoch, length).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        var position = _file.Position;
        var confirms = count == PageSize && buffer[offset + IsConfirmedAt] != 0;
        Guarded(() =>
        {
            if (confirms && _syncs.HasUnsynced) Sync();
            _file.Write(buffer, offset, count);
        });
        _syncs.Written(position, count, confirms);
    }

    /// <summary>LiteDB's writer ran dry (or LiteDB flushes after a size change).</summary>
    public override void Flush()
    {
        if (_syncs.ShouldSyncOnFlush()) Guarded(Sync);
    }

    private void Sync()
    {
        var covered = _syncs.Syncing();
        _file.Flush(flushToDisk: true);
        _syncs.Synced(covered);
    }

    private void Guarded(Action io)
    {
        try
        {
            io();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // LiteDB closes its engine on this; nobody may go on waiting for a flush that will not come.
            _syncs.Fail(ex);
            throw;
        }
    }

    /// <summary>LiteDB cuts the log to nothing after a checkpoint copied it into the (flushed) data file.</summary>
    public override void SetLength(long value)
    {
        Guarded(() => _file.SetLength(value));
        _syncs.Cut(value);
    }

    public override int Read(byte[] buffer, int offset, int count) => _file.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => true;
    public override long Length => _file.Length;

    public override long Position
    {
        get => _file.Position;
        set => _file.Position = value;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // LiteDB's writer stops without a last flush when its engine closes: what it wrote goes to the disk here.
            try
            {
                if (_syncs.HasUnsynced) Guarded(Sync);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Failed every waiter already; the engine is closing anyway.
            }
            _syncs.Fail(new ObjectDisposedException(nameof(LogFile)));
            _file.Dispose();
        }
        base.Dispose(disposing);
    }
}
