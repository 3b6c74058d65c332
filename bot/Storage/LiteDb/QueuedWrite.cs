namespace VocEdWeek.Bot.Storage.LiteDb;

/// <summary>One caller's write waiting in a <see cref="GroupCommit"/>; its task ends when the write is on the disk or failed.</summary>
public sealed class QueuedWrite(Func<object?> run)
{
    // Continuations run elsewhere: the writer thread goes straight on to the next batch instead of finishing turns, and the
    // thread that flushed the log (DiskWait) only hands the answer over.
    private readonly TaskCompletionSource<object?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<object?> Run { get; } = run;

    public Task<object?> Task => _done.Task;

    public bool Done => _done.Task.IsCompleted;

    public void Succeed(object? result) => _done.TrySetResult(result);

    /// <summary>Succeeds once <paramref name="durable"/> (its commit reaching the disk) has; fails with it if it fails.</summary>
    public void SucceedOnceOnDisk(DiskWait durable, object? result) => durable.Then(error => Answer(error, result));

    /// <summary>On the disk (no error): succeeds with <paramref name="result"/>; else fails with the disk error.</summary>
    public void Answer(Exception? diskError, object? result)
    {
        if (diskError is null) Succeed(result);
        else Fail(diskError);
    }

    public void Fail(Exception error) => _done.TrySetException(error);
}
