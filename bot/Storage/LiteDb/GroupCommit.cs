namespace VocEdWeek.Bot.Storage.LiteDb;

/// <summary>
/// Group commit for one store's writes. LiteDB 5 writes each page of a commit to its log file with an fsync of its own
/// (measured with strace: a conversation upsert is 5 pages, 5 fsyncs, all before the call returns), and concurrent
/// commits wait for each other: 16 first contacts at once cost 80 flushes in a row. Here concurrent callers' writes share
/// ONE transaction: the first caller that finds no writer becomes the writer, takes everything queued, runs it in order
/// in one transaction, commits once, and wakes every waiter — each durable when it returns; a waiter not yet served
/// then becomes the next writer. The pages the writes share (the same index and data pages) are flushed once.
/// <para>
/// A write that throws rolls the whole batch back; then every write of that batch runs again alone, each in its own
/// transaction, so one failing write costs nobody else's, and it alone gets its exception. A write may therefore run
/// twice: it must only read and write the database, and change memory after <see cref="Write{T}"/> returns.
/// </para>
/// <para>
/// One group per store (per collection) on purpose: a batch then locks one collection, as a single write did, so it
/// cannot deadlock with a transaction that locks collections in another order (the backup's snapshot locks them all).
/// A thread already inside a transaction (<see cref="IAtomicWrites"/>) runs its write there: it commits with that one.
/// Each caller waits for its own write, so one caller's writes stay in the order it made them.
/// </para>
/// </summary>
public sealed class GroupCommit(BotDatabase db)
{
    private readonly object _gate = new();
    private List<QueuedWrite> _queue = [];
    private bool _writing;

    /// <summary>Writes waiting for the writer now (tests: to know a batch has formed without waiting on the clock).</summary>
    internal int Queued
    {
        get
        {
            lock (_gate) return _queue.Count;
        }
    }

    /// <summary>Runs <paramref name="write"/> in a transaction shared with the writes queued meanwhile; returns once committed.</summary>
    public T Write<T>(Func<T> write)
    {
        if (db.InTransaction) return write();
        var mine = new QueuedWrite(() => write());
        List<QueuedWrite> batch;
        lock (_gate)
        {
            _queue.Add(mine);
            while (_writing && !mine.Done) Monitor.Wait(_gate);
            if (mine.Done) return (T)mine.Result()!;
            _writing = true;
            batch = _queue;
            _queue = [];
        }
        try
        {
            new GroupBatch(db.Database, batch).Commit();
        }
        finally
        {
            lock (_gate)
            {
                _writing = false;
                Monitor.PulseAll(_gate);
            }
        }
        return (T)mine.Result()!;
    }
}
