using System.Collections.Concurrent;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Storage.LiteDb.Conversation;

/// <summary>
/// Conversation records written behind their turn (<see cref="LiteDbConversationStore.TouchBehindAsync"/>): the write is
/// queued on the store's group commit and not awaited, so the reply does not wait for the disk. Until it has committed,
/// the store answers its reads from here. A failed write is logged and queued again after <see cref="RetryAfter"/> for as
/// long as the process lives, unless a later write of the same conversation replaced it (a turn's write carries the whole
/// reference). <see cref="Flush"/> (graceful shutdown) writes what is still queued before the file closes.
/// </summary>
public sealed class WrittenBehind(GroupCommit group, TimeProvider time, ILogger log, Action<ConversationRecord> committed)
{
    /// <summary>How long a failed write waits before it is queued again (a full or failing disk: not a tight loop).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private long _writes;

    /// <summary>The newest record written behind and not committed yet, as a copy of the caller's own; null when none.</summary>
    public ConversationRecord? Get(string id) =>
        !_pending.IsEmpty && _pending.TryGetValue(id, out var p) ? p.Record.Copy() : null;

    /// <summary>Copies of every record not committed yet (a handful: what the last batch or two had).</summary>
    public IReadOnlyList<ConversationRecord> All() => _pending.IsEmpty ? [] : _pending.Values.Select(p => p.Record.Copy()).ToList();

    /// <summary>Written behind and not committed yet (tests: the reads must see them meanwhile).</summary>
    internal int Count => _pending.Count;

    /// <summary>Queues <paramref name="write"/> (which stores <paramref name="record"/>, or what it became on the writer) without waiting for it.</summary>
    public void Add(ConversationRecord record, Func<ConversationRecord> write)
    {
        lock (_gate)
        {
            var seq = ++_writes;
            var before = _pending.GetValueOrDefault(record.Id);
            _pending[record.Id] = new Pending(record.Copy(), seq, (before?.Outstanding ?? 0) + 1, before?.Done ?? NewDone());
            // Queued under the lock (queueing never waits): two turns of one chat queue their writes in the order of their seq.
            Run(record.Id, seq, write);
        }
    }

    /// <summary>
    /// A durable write of the whole reference of <paramref name="id"/> follows (a turn's own Touch): an earlier write behind
    /// that fails is replaced by it and not tried again.
    /// </summary>
    public void Supersede(string id)
    {
        lock (_gate)
        {
            if (_pending.TryGetValue(id, out var p)) _pending[id] = p with { Seq = ++_writes };
        }
    }

    /// <summary>Ends once every write queued so far for <paramref name="id"/> has committed or been given up (none: at once).</summary>
    public Task Settled(string id) => _pending.TryGetValue(id, out var p) ? p.Done.Task : Task.CompletedTask;

    /// <summary>
    /// Graceful shutdown: failed writes waiting for their retry are queued now (once more), and every write still queued
    /// is waited for, up to <paramref name="within"/>; what cannot be stored is logged with its conversation.
    /// </summary>
    public bool Flush(TimeSpan within)
    {
        _stopping.Cancel();
        var waiting = _pending.Values.Select(p => p.Done.Task).ToArray();
        if (Task.WaitAll(waiting, within)) return true;
        foreach (var id in _pending.Keys) WrittenBehindLog.NotStoredAtShutdown(log, id);
        return false;
    }

    private void Run(string id, long seq, Func<ConversationRecord> write) =>
        _ = group.WriteAsync(write).ContinueWith(t => Ended(id, seq, write, t), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private void Ended(string id, long seq, Func<ConversationRecord> write, Task<ConversationRecord> attempt)
    {
        if (attempt.IsCompletedSuccessfully)
        {
            // Before the record leaves this table, so a read finds it either here or in the file.
            committed(attempt.Result);
            Settle(id);
            return;
        }
        var error = attempt.Exception?.GetBaseException();
        if (Replaced(id, seq) || _stopping.IsCancellationRequested)
        {
            WrittenBehindLog.WriteFailed(log, error, id);
            if (_stopping.IsCancellationRequested && !Replaced(id, seq)) GiveUp(id);
            else Settle(id);
            return;
        }
        // Logged once its retry is set on the clock, so whoever reads the log and then moves the clock moves it past the retry.
        _ = RetryLaterAsync(id, seq, write);
        WrittenBehindLog.WriteFailed(log, error, id);
    }

    private async Task RetryLaterAsync(string id, long seq, Func<ConversationRecord> write)
    {
        try
        {
            await Task.Delay(RetryAfter, time, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping: queued at once, its last chance before the file closes.
        }
        lock (_gate)
        {
            if (!Replaced(id, seq))
            {
                Run(id, seq, write);
                return;
            }
        }
        Settle(id);
    }

    /// <summary>A later write of the conversation was queued after this one and carries the whole reference: this older one must not follow it.</summary>
    private bool Replaced(string id, long seq)
    {
        lock (_gate) return _pending[id].Seq != seq;
    }

    private void GiveUp(string id)
    {
        WrittenBehindLog.NotStoredAtShutdown(log, id);
        Settle(id);
    }

    /// <summary>One write of <paramref name="id"/> is over (committed, replaced or given up).</summary>
    private void Settle(string id)
    {
        lock (_gate)
        {
            var p = _pending[id];
            if (p.Outstanding > 1)
            {
                _pending[id] = p with { Outstanding = p.Outstanding - 1 };
                return;
            }
            _pending.TryRemove(id, out _);
            p.Done.TrySetResult();
        }
    }

    private static TaskCompletionSource NewDone() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="Record">What the reads answer meanwhile: the newest record written behind.</param>
    /// <param name="Seq">The newest write of the conversation (a write behind, or a durable one that replaces them).</param>
    /// <param name="Outstanding">Writes behind of the conversation not committed or given up yet.</param>
    /// <param name="Done">Ends when Outstanding reaches 0.</param>
    private sealed record Pending(ConversationRecord Record, long Seq, int Outstanding, TaskCompletionSource Done);
}
