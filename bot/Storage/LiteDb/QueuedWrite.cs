namespace VocEdWeek.Bot.Storage.LiteDb;

/// <summary>One caller's write waiting in a <see cref="GroupCommit"/>; its task ends when the write is on the disk or failed.</summary>
public sealed class QueuedWrite(Func<object?> run)
{
    // Continuations run elsewhere: the writer thread goes straight on to the next batch instead of finishing turns.
    private readonly TaskCompletionSource<object?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<object?> Run { get; } = run;

    public Task<object?> Task => _done.Task;

    public bool Done => _done.Task.IsCompleted;

    public void Succeed(object? result) => _done.TrySetResult(result);

    /// <summary>Succeeds once <paramref name="durable"/> (its commit reaching the disk) has; fails with it if it fails.</summary>
    public void SucceedOnceOnDisk(Task durable, object? result)
    {
        if (durable.IsCompletedSuccessfully)
        {
            Succeed(result);
            return;
        }
        durable.ContinueWith(
            (t, state) =>
            {
                var (write, value) = ((QueuedWrite, object?))state!;
                if (t.Exception is { } ex) write.Fail(ex.InnerException ?? ex);
                else write.Succeed(value);
            },
            (this, result), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public void Fail(Exception error) => _done.TrySetException(error);
}
