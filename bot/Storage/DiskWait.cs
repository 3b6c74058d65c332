namespace VocEdWeek.Bot.Storage;

/// <summary>
/// A commit's wait for the disk (<see cref="LogFile"/>): ends once its log pages are flushed, or fails with the disk error.
/// Not a Task on purpose: what comes <see cref="Then"/> runs on the thread that flushed — LiteDB's log writer, mostly —,
/// so a group commit's answer costs no extra hop through the thread pool. That thread must never run a caller's code
/// (a caller that committed again there could wait for the log writer's queue from inside it), so
/// <see cref="Then"/> takes only a hand-off: completing a task whose continuations run elsewhere.
/// </summary>
public sealed class DiskWait
{
    private readonly Lock _gate = new();
    private Action<Exception?>? _then;
    private bool _ended;
    private Exception? _error;

    /// <summary>Already on the disk (an engine without a log file, or a length already flushed or checkpointed).</summary>
    public static DiskWait Done() => new() { _ended = true };

    public static DiskWait Failed(Exception error) => new() { _ended = true, _error = error };

    public bool IsCompleted
    {
        get
        {
            lock (_gate) return _ended;
        }
    }

    /// <summary>
    /// Runs <paramref name="then"/> (null: on the disk; else the error) when the wait ends, at once when it has; only once,
    /// one hand-off per wait. It must only hand off: it runs on the flushing thread.
    /// </summary>
    public void Then(Action<Exception?> then)
    {
        lock (_gate)
        {
            if (_then is not null) throw new InvalidOperationException("A disk wait has one hand-off.");
            _then = then;
            if (!_ended) return;
        }
        then(_error);
    }

    /// <summary>The log is on the disk up to the wait's length (null), or failed (the error): runs the hand-off if any.</summary>
    internal void End(Exception? error)
    {
        Action<Exception?>? then;
        lock (_gate)
        {
            if (_ended) return;
            (_ended, _error, then) = (true, error, _then);
        }
        then?.Invoke(error);
    }

    /// <summary>The same as a task (its continuations never run on the flushing thread): for callers that await.</summary>
    public Task AsTask()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Then(error =>
        {
            if (error is null) done.TrySetResult();
            else done.TrySetException(error);
        });
        return done.Task;
    }
}
