using LiteDB;
using LiteDB.Engine;

namespace VocEdWeek.Bot.Storage;

/// <summary>
/// LiteDB's engine, opened again after a disk error. LiteDB closes its engine for good on any IOException (a full disk
/// included) and every later call rethrows it, so one moment without space would leave the bot unable even to read
/// until restarted. This wrapper drops a closed engine and opens the same file anew on the next call: what was
/// committed is read back from the file and its log, and the bot carries on as soon as there is space again.
/// Before a write, <c>beforeWrite</c> may refuse it (<see cref="StorageSpace"/>: the disk is at its reserve), so LiteDB
/// seldom meets a full disk at all; reads are never refused.
/// </summary>
public sealed class ReopeningEngine(Func<ILiteEngine> open, Action beforeWrite) : ILiteEngine
{
    private readonly Lock _gate = new();
    private ILiteEngine? _engine;
    private bool _disposed;
    private long _opens;

    /// <summary>
    /// Engines opened so far: what a store keeps in memory about the file is known right only for the engine it was read
    /// or written on (a reopened engine holds what reached the disk, not what the dropped one had committed).
    /// </summary>
    public long Opens => Interlocked.Read(ref _opens);

    // LiteDB's transactions belong to the thread that began them: the engine this thread holds one on, so a group
    // commit (LiteDb/GroupCommit) called inside IAtomicWrites joins that transaction instead of waiting for another writer.
    [ThreadStatic] private static ReopeningEngine? t_transactionOf;
    [ThreadStatic] private static List<Action<bool>>? t_whenEnded;

    /// <summary>This thread began a transaction here that it has not committed or rolled back yet.</summary>
    public bool InTransaction => ReferenceEquals(t_transactionOf, this);

    private T Write<T>(Func<ILiteEngine, T> call)
    {
        beforeWrite();
        return Run(call);
    }

    private T Run<T>(Func<ILiteEngine, T> call)
    {
        var engine = Current();
        try
        {
            return call(engine);
        }
        catch (Exception ex) when (Closes(ex))
        {
            Drop(engine);
            throw;
        }
    }

    // What makes LiteDB close its engine (EngineState.Handle): an IOException, or a data file it finds inconsistent.
    private static bool Closes(Exception ex) =>
        ex is IOException || ex is LiteException { ErrorCode: LiteException.INVALID_DATAFILE_STATE or LiteException.ENGINE_DISPOSED };

    private ILiteEngine Current()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_engine is { } engine) return engine;
            _engine = open();
            Interlocked.Increment(ref _opens);
            return _engine;
        }
    }

    private void Drop(ILiteEngine engine)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_engine, engine)) return; // another thread dropped it already
            _engine = null;
        }
        try
        {
            engine.Dispose();
        }
        catch (Exception ex) when (ex is IOException or LiteException)
        {
            // Already closed by LiteDB itself; nothing more to release.
        }
    }

    public int Checkpoint() => Run(e => e.Checkpoint());
    public long Rebuild(RebuildOptions options) => Run(e => e.Rebuild(options));
    public bool BeginTrans()
    {
        var began = Run(e => e.BeginTrans());
        if (began) t_transactionOf = this;
        return began;
    }

    public bool Commit()
    {
        var committed = false;
        try
        {
            var result = Run(e => e.Commit());
            committed = true;
            return result;
        }
        finally
        {
            EndTransaction(committed);
        }
    }

    /// <summary>
    /// Runs <paramref name="ended"/> when this thread's transaction ends: true once committed, false when rolled back or
    /// when its commit threw (a store that joined it learns whether what it wrote stands).
    /// </summary>
    public void WhenTransactionEnds(Action<bool> ended)
    {
        if (!InTransaction) throw new InvalidOperationException("This thread has no transaction open.");
        (t_whenEnded ??= []).Add(ended);
    }

    /// <summary>The log of the open engine, when it is a <see cref="DurableEngine"/>.</summary>
    internal LogFile? Log
    {
        get
        {
            lock (_gate) return (_engine as DurableEngine)?.Log;
        }
    }

    /// <summary>
    /// Commits this thread's transaction; the wait ends once it is on the disk (<see cref="DurableEngine"/>), or at once on
    /// an engine without a <see cref="LogFile"/> (tests' engines over failing streams), whose commit is all there is.
    /// </summary>
    public DiskWait CommitDurably()
    {
        var committed = false;
        try
        {
            var durable = Run(e => e is DurableEngine engine ? engine.CommitDurably() : Committed(e));
            committed = true;
            return durable;
        }
        finally
        {
            EndTransaction(committed);
        }
    }

    private static DiskWait Committed(ILiteEngine engine)
    {
        engine.Commit();
        return DiskWait.Done();
    }

    public bool Rollback()
    {
        try
        {
            return Run(e => e.Rollback());
        }
        finally
        {
            EndTransaction(committed: false);
        }
    }

    private void EndTransaction(bool committed)
    {
        if (!InTransaction) return;
        t_transactionOf = null;
        var ended = t_whenEnded;
        t_whenEnded = null;
        ended?.ForEach(e => e(committed));
    }

    public IBsonDataReader Query(string collection, Query query) => Run(e => e.Query(collection, query));
    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Write(e => e.Insert(collection, docs, autoId));
    public int Update(string collection, IEnumerable<BsonDocument> docs) => Write(e => e.Update(collection, docs));
    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Write(e => e.UpdateMany(collection, transform, predicate));
    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Write(e => e.Upsert(collection, docs, autoId));
    public int Delete(string collection, IEnumerable<BsonValue> ids) => Write(e => e.Delete(collection, ids));
    public int DeleteMany(string collection, BsonExpression predicate) => Write(e => e.DeleteMany(collection, predicate));
    public bool DropCollection(string name) => Run(e => e.DropCollection(name));
    public bool RenameCollection(string name, string newName) => Write(e => e.RenameCollection(name, newName));
    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Run(e => e.EnsureIndex(collection, name, expression, unique));
    public bool DropIndex(string collection, string name) => Run(e => e.DropIndex(collection, name));
    public BsonValue Pragma(string name) => Run(e => e.Pragma(name));
    public bool Pragma(string name, BsonValue value) => Run(e => e.Pragma(name, value));

    public void Dispose()
    {
        ILiteEngine? engine;
        lock (_gate)
        {
            _disposed = true;
            engine = _engine;
            _engine = null;
        }
        engine?.Dispose();
    }
}
