using System.Buffers;

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
/// <para>The file is laid out by <see cref="LogLayout"/>: written ahead with zeros and never cut short when LiteDB empties
/// its log after a checkpoint, so a flush rewrites blocks in place instead of growing the file (which makes ext4 commit
/// its journal on every fsync: 2–3x the time, measured). LiteDB sees its log as ever: it starts at 0 and is as long as
/// its pages.</para>
/// </summary>
public sealed class LogFile : Stream
{
    private const int PageSize = LogLayout.PageSize;
    private const int IsConfirmedAt = 18; // LiteDB's BasePage.P_IS_CONFIRMED

    private readonly FileStream _file;
    private readonly LogLayout _layout;
    private readonly LogSyncs _syncs;
    private long _position; // LiteDB's position in its log

    private LogFile(FileStream file)
    {
        _file = file;
        // What a killed process left is in the OS's cache, maybe not on the disk: on the disk before anything is added.
        _file.Flush(flushToDisk: true);
        _layout = LogLayout.Open(file);
        _syncs = new LogSyncs(_layout.End);
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
        var position = _position;
        var confirms = count == PageSize && buffer[offset + IsConfirmedAt] != 0;
        // The pages go out marked with the log's epoch (LogLayout); LiteDB's own buffer stays as it is: it is its cache.
        var marked = ArrayPool<byte>.Shared.Rent(count);
        try
        {
            Guarded(() =>
            {
                buffer.AsSpan(offset, count).CopyTo(marked);
                _layout.Mark(marked.AsSpan(0, count), position);
                if (confirms && _syncs.HasUnsynced) Sync();
                _layout.Write(marked.AsSpan(0, count), position);
            });
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(marked);
        }
        _position = position + count;
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
        Guarded(() => _layout.Cut(value));
        _syncs.Cut(value);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = _layout.Read(buffer.AsSpan(offset, count), _position);
        _position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => _position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => _layout.End + offset,
    };

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => true;
    public override long Length => _layout.End;

    public override long Position
    {
        get => _position;
        set => _position = value;
    }

    private bool _disposed;

    protected override void Dispose(bool disposing)
    {
        // LiteDB disposes the stream it was given as it closes, and DurableEngine once more after it.
        if (disposing && !_disposed)
        {
            _disposed = true;
            // LiteDB's writer stops without a last flush when its engine closes: what it wrote goes to the disk here.
            try
            {
                if (_syncs.HasUnsynced) Guarded(Sync);
                _layout.Close();
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
