using System.Collections.Concurrent;

namespace VocEdWeek.Bot.Storage.LiteDb.Submissions;

/// <summary>
/// What a submit needs to know of the file, kept in memory so it seeks nothing: per slot its current version's id and
/// number, and every idempotency key stored with its version's id (keys are unique across weeks, so all of them).
/// Read from the file once, by the writer, then kept by the group's writes: a write's changes are held aside until its
/// transaction commits (a later write of the same batch sees them: 1, 2, 3 in one batch) and dropped when it rolls back.
/// After a rollback or a reopened engine the whole of it is read again from the file before the next write, so it never
/// shows what the file does not hold. One transaction at a time writes through it — the group's, or a caller's that a
/// submit joined (IAtomicWrites) — holding <see cref="_writer"/> from its beginning to its end; readers only look a head up.
/// The heads are also what says which version is current to a reader (the file does not: a submit writes its version
/// and nothing else, see LiteDbSubmissionStore), so they are shown to readers only while they are known right.
/// </summary>
internal sealed class SubmissionHeads(BotDatabase db, Func<IEnumerable<StoredVersion>> readFile) : IGroupTransactions
{
    // Held by the transaction writing through the heads, from its beginning to its end (on its one thread).
    private readonly Lock _writer = new();
    private ConcurrentDictionary<string, SlotHead> _heads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlotHead> _pendingHeads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pendingKeys = new(StringComparer.Ordinal);
    // The engine the heads were read or last written on; null: not read yet, or not to be trusted (read again).
    private long? _engine;
    // What readers may trust: the heads as committed, on the engine they were read on; null while not known right (not
    // read yet, after a rollback or a reopened engine, until read again). Replaced whole, never cleared under a reader.
    private volatile ReadableHeads? _readable;

    /// <summary>
    /// For readers on any thread: the slot's committed head, or null when the heads are not known right now (the reader
    /// then reads the slot's versions). A head becomes known just after LiteDB committed it, before its submit is
    /// answered; a read overlapping that commit may still get the version before, as if it had come a moment earlier.
    /// </summary>
    public HeadHint? Hint(string slot) =>
        _readable is { } readable && readable.Engine == db.EngineOpens && readable.Heads.TryGetValue(slot, out var head)
            ? new HeadHint(head, readable)
            : null;

    /// <summary>
    /// After the reader read the version by <paramref name="hint"/>: the heads are still the ones it came from, on the
    /// same engine (a read that reopened the engine, or a rollback meanwhile, means the file may hold what they do not).
    /// </summary>
    public bool Stands(HeadHint hint) => ReferenceEquals(_readable, hint.From) && hint.From.Engine == db.EngineOpens;

    /// <summary>The writer, at the start of each write: reads the file when the heads are not known right.</summary>
    public void EnsureRead()
    {
        var engine = db.EngineOpens;
        if (_engine == engine) return;
        // Read at a transaction's first write only: a reopened engine in mid-transaction lost the writes before.
        if (_pendingHeads.Count > 0 || _pendingKeys.Count > 0)
        {
            throw new InvalidOperationException("The database was reopened in the middle of a write; it is run again alone.");
        }
        _readable = null;
        var heads = new ConcurrentDictionary<string, SlotHead>(StringComparer.Ordinal);
        _keys.Clear();
        foreach (var v in readFile())
        {
            if (v.IdempotencyKey is { } key) _keys[key] = v.Id;
            // The newest version is the head (the current one; in files from before it is also the one flagged current).
            if (!heads.TryGetValue(v.Slot, out var head) || v.Version > head.Version)
            {
                heads[v.Slot] = new SlotHead(v.Id, v.Version);
            }
        }
        _heads = heads;
        _engine = engine;
        _readable = new ReadableHeads(heads, engine);
    }

    /// <summary>The writer: the id of the version stored with this key, this transaction's included.</summary>
    public string? IdOfKey(string key) =>
        _pendingKeys.TryGetValue(key, out var id) || _keys.TryGetValue(key, out id) ? id : null;

    /// <summary>The writer: the slot's head, this transaction's writes included.</summary>
    public SlotHead? HeadOf(string slot) =>
        _pendingHeads.TryGetValue(slot, out var head) || _heads.TryGetValue(slot, out head) ? head : null;

    /// <summary>The writer: a version written in the open transaction.</summary>
    public void Wrote(string slot, SlotHead head, string? key)
    {
        _pendingHeads[slot] = head;
        if (key is not null) _pendingKeys[key] = head.Id;
    }

    public void Beginning() => _writer.Enter();

    /// <summary>
    /// A submit joining the calling thread's transaction (IAtomicWrites): it writes through the heads until that transaction
    /// ends, and its end says whether what it wrote stands. The group's writer waits meanwhile.
    /// </summary>
    public void Join()
    {
        if (_writer.IsHeldByCurrentThread) return; // joined already by an earlier submit of this transaction
        _writer.Enter();
        db.WhenTransactionEnds(committed =>
        {
            if (committed) Committed();
            else RolledBack();
        });
    }

    public void Committed()
    {
        // An engine reopened meanwhile may hold the transaction only in part: read the file again instead.
        if (_engine != db.EngineOpens) (_engine, _readable) = (null, null);
        foreach (var (slot, head) in _pendingHeads) _heads[slot] = head;
        foreach (var (key, id) in _pendingKeys) _keys[key] = id;
        ClearPending();
        _writer.Exit();
    }

    public void RolledBack()
    {
        // A commit that threw may have reached the file all the same: what it holds is read again, not guessed.
        (_engine, _readable) = (null, null);
        ClearPending();
        _writer.Exit();
    }

    private void ClearPending()
    {
        _pendingHeads.Clear();
        _pendingKeys.Clear();
    }
}

/// <summary>A slot's current version: its id and number.</summary>
internal sealed record SlotHead(string Id, int Version);

/// <summary>The heads as readers see them: committed ones, read or written on engine number <see cref="Engine"/>.</summary>
internal sealed record ReadableHeads(ConcurrentDictionary<string, SlotHead> Heads, long Engine);

/// <summary>A head as a reader found it, and the heads it came from (to check they still stand once it has read).</summary>
internal readonly record struct HeadHint(SlotHead Head, ReadableHeads From);

/// <summary>What the heads are read from: one stored version without its form data.</summary>
internal sealed record StoredVersion(string Id, string Slot, int Version, string? IdempotencyKey);
