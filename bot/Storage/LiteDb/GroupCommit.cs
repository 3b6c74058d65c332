namespace VocEdWeek.Bot.Storage.LiteDb;

/// <summary>
/// Group commit for one store's writes. LiteDB 5 writes each page of a commit to its log file with an fsync of its own
/// (measured with strace: a conversation upsert is 5 pages, 5 fsyncs, all before the call returns), and concurrent
/// commits wait for each other: 16 first contacts at once cost 80 flushes in a row. Here the writes queued while a batch
/// is being written go together into the next ONE transaction: one writer at a time takes everything queued, runs it in
/// order, commits once, and completes every write of the batch — each durable when its caller resumes. The pages the
/// writes share (the same index and data pages) are flushed once.
/// <para>
/// Durable means on the disk: LiteDB's Commit returns before its log writer has written the pages, so a batch's writes
/// are completed only once <see cref="BotDatabase.CommitDurably"/> says the commit is flushed (<see cref="LogFile"/>: two
/// fsyncs a batch, however many pages). The writer does not wait for that: it goes on with the next batch, whose commit
/// reaches the disk after this one's.
/// </para>
/// <para>
/// Callers on the request path await (<see cref="WriteAsync{T}"/>), so a turn waiting for the disk holds no thread; the
/// batches then run on a thread-pool thread, and an awaiting caller is answered on the pool once the commit is on the
/// disk, the flushing thread only handing it over (<see cref="DiskWait"/>). Not on the awaiting caller's own thread: a
/// commit flushes the log (fsync) on the thread that runs it, and request threads blocked in fsync made first contacts
/// (a conversation's reference written behind the reply) 2.3x dearer (measured, session 10). A synchronous caller
/// (<see cref="Write{T}"/>) that finds no writer writes its own batch on its own thread (it waits anyway) and hands
/// whatever queued meanwhile to the pool.
/// </para>
/// <para>
/// A write that throws rolls the whole batch back; then every write of that batch runs again alone, each in its own
/// transaction, so one failing write costs nobody else's, and it alone gets its exception. A write may therefore run
/// twice: it must only read and write the database, and change memory after it returned.
/// </para>
/// <para>
/// One group per store (per collection) on purpose: a batch then locks one collection, as a single write did, so it
/// cannot deadlock with a transaction that locks collections in another order (the backup's snapshot locks them all).
/// A thread already inside a transaction (<see cref="IAtomicWrites"/>) runs its write there: it commits with that one.
/// Each caller waits for its own write, so one caller's writes stay in the order it made them.
/// </para>
/// <para>
/// <paramref name="transactions"/>, when given, is told how each of the group's own transactions ended (not a joined one's).
/// </para>
/// </summary>
public sealed class GroupCommit(BotDatabase db, IGroupTransactions? transactions = null)
{
    private readonly Lock _gate = new();
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

    /// <summary>Runs <paramref name="write"/> in a transaction shared with the writes queued meanwhile; ends once committed.</summary>
    public async Task<T> WriteAsync<T>(Func<T> write)
    {
        if (db.InTransaction) return write();
        var mine = new QueuedWrite(() => write());
        if (Enqueue(mine)) Requeue();
        return (T)(await mine.Task)!;
    }

    /// <summary>The same for a synchronous caller: returns once committed.</summary>
    public T Write<T>(Func<T> write)
    {
        if (db.InTransaction) return write();
        var mine = new QueuedWrite(() => write());
        if (Enqueue(mine)) WriteFirstBatch();
        return (T)mine.Task.GetAwaiter().GetResult()!;
    }

    /// <summary>Queues the write; true when there was no writer, and the caller must now see that one runs.</summary>
    private bool Enqueue(QueuedWrite write)
    {
        lock (_gate)
        {
            _queue.Add(write);
            if (_writing) return false;
            _writing = true;
            return true;
        }
    }

    // A synchronous caller that became the writer writes the first batch (its own write is in it) without a hop to the
    // pool; what queued meanwhile goes to a pool thread, so no caller writes for others longer than one batch.
    private void WriteFirstBatch()
    {
        CommitNext();
        if (More()) Requeue();
    }

    // The writer waits behind the pool's queue before it commits, as long as that brings more writes (at most MaxHops
    // times), and takes one batch per work item. On a bot's one or two cores a writer that committed at once, or looped
    // over the queue, kept the core while the requests behind it waited to be read: it found one or two writes each
    // time and committed them alone, and how many it found depended on how long the disk took to answer the batch
    // before. Behind the queue, the requests already read reach their write first and go in one batch, for one commit
    // and two flushes. Measured with compare.sh's submit row (tests/VocEdWeek.Bot.Bench/PROFILE.md, "Session 11").
    private const int MaxHops = 3;
    private int _hops;
    private int _queuedAtHop = -1;

    private void Drain()
    {
        if (HopAgain())
        {
            Requeue();
            return;
        }
        CommitNext();
        if (More()) Requeue();
    }

    // Only the writer (one at a time) reads and sets the hop fields; the pool's hand-off orders its accesses.
    private bool HopAgain()
    {
        int queued;
        lock (_gate) queued = _queue.Count;
        if (_hops < MaxHops && queued > _queuedAtHop)
        {
            (_hops, _queuedAtHop) = (_hops + 1, queued);
            return true;
        }
        (_hops, _queuedAtHop) = (0, -1);
        return false;
    }

    private void Requeue() => ThreadPool.UnsafeQueueUserWorkItem(static group => group.Drain(), this, preferLocal: false);

    private void CommitNext()
    {
        List<QueuedWrite> batch;
        lock (_gate)
        {
            batch = _queue;
            _queue = [];
        }
        new GroupBatch(db, batch, transactions).Commit();
    }

    /// <summary>True when writes queued meanwhile (the caller stays the writer); false ends this writer's turn.</summary>
    private bool More()
    {
        lock (_gate)
        {
            if (_queue.Count > 0) return true;
            _writing = false;
            return false;
        }
    }
}
