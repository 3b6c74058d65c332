namespace VocEdWeek.Bot.Storage;

/// <summary>
/// The bookkeeping of a <see cref="LogFile"/>, under one lock: how far the log is written and how far it is on the disk,
/// and who waits for which length. LiteDB gives each page its place in the log before queueing it, and two transactions
/// may queue at once, so pages can be written past a gap; "written" is the end of what has no gap before it.
/// </summary>
internal sealed class LogSyncs(long length)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, long> _ahead = []; // written past a gap: position → end
    private readonly List<Waiter> _waiting = [];
    private long _written = length;
    private long _synced = length;
    private long _epoch;
    private long _flushes;
    private bool _unsynced;        // written since the last flush began
    private bool _confirmUnsynced; // a confirming page among it
    private bool _idle;            // LiteDB's writer ran dry with nothing anyone needed: no flush comes by itself
    private Exception? _failed;

    private sealed record Waiter(long Epoch, long Length, DiskWait Done);

    public long Flushes { get { lock (_gate) return _flushes; } }

    public long Epoch { get { lock (_gate) return _epoch; } }

    public bool HasUnsynced { get { lock (_gate) return _unsynced; } }

    public void Written(long position, long count, bool confirms)
    {
        lock (_gate)
        {
            if (position == _written)
            {
                _written += count;
                while (_ahead.Remove(_written, out var end)) _written = end;
            }
            else if (position > _written)
            {
                _ahead[position] = position + count;
            }
            _unsynced = true;
            _confirmUnsynced |= confirms;
            _idle = false;
        }
    }

    /// <summary>LiteDB's writer ran dry: flush if a confirmed transaction or a waiter needs it; else the pages wait for their confirming page.</summary>
    public bool ShouldSyncOnFlush()
    {
        lock (_gate)
        {
            if (!_unsynced) return false;
            if (_confirmUnsynced || _waiting.Count > 0) return true;
            _idle = true;
            return false;
        }
    }

    /// <summary>A flush begins: it covers what is written now.</summary>
    public long Syncing()
    {
        lock (_gate)
        {
            _unsynced = _confirmUnsynced = _idle = false;
            _flushes++;
            return _written;
        }
    }

    public void Synced(long covered)
    {
        List<Waiter>? done;
        lock (_gate)
        {
            _synced = Math.Max(_synced, covered);
            done = Take(all: false);
        }
        End(done, null);
    }

    public DiskWait Wait(long epoch, long length, Action sync)
    {
        Waiter waiter;
        bool syncHere;
        lock (_gate)
        {
            if (_failed is { } failed) return DiskWait.Failed(failed);
            if (epoch != _epoch || length <= _synced) return DiskWait.Done();
            waiter = new Waiter(epoch, length, new DiskWait());
            _waiting.Add(waiter);
            // Its pages are all written, and LiteDB's writer ran dry before this waiter came: it will not flush again.
            syncHere = _idle && length <= _written;
        }
        if (syncHere) sync();
        return waiter.Done;
    }

    /// <summary>LiteDB cut the log: a checkpoint has put every committed page of it into the flushed data file.</summary>
    public void Cut(long length)
    {
        List<Waiter>? done;
        lock (_gate)
        {
            _epoch++;
            _written = _synced = length;
            _ahead.Clear();
            _unsynced = _confirmUnsynced = _idle = false;
            done = Take(all: true);
        }
        End(done, null);
    }

    public void Fail(Exception error)
    {
        List<Waiter>? failed;
        lock (_gate)
        {
            _failed ??= error;
            failed = Take(all: true);
        }
        End(failed, error);
    }

    // Outside the lock: a wait's hand-off may take other locks (a task's continuations being queued).
    private static void End(List<Waiter>? waiters, Exception? error)
    {
        if (waiters is null) return;
        foreach (var w in waiters) w.Done.End(error);
    }

    // Every wait (all), or those the log on the disk now answers. Called on every flush: no list is made when nobody's
    // wait ends (null), and the rest keep their order.
    private List<Waiter>? Take(bool all)
    {
        List<Waiter>? taken = null;
        var kept = 0;
        for (var i = 0; i < _waiting.Count; i++)
        {
            var w = _waiting[i];
            if (all || w.Epoch != _epoch || w.Length <= _synced) (taken ??= []).Add(w);
            else _waiting[kept++] = w;
        }
        _waiting.RemoveRange(kept, _waiting.Count - kept);
        return taken;
    }
}
