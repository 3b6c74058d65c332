namespace VocEdWeek.Bot.Storage.LiteDb;

/// <summary>One caller's write waiting in a <see cref="GroupCommit"/>; its task ends when the write is committed or failed.</summary>
public sealed class QueuedWrite(Func<object?> run)
{
    // Continuations run elsewhere: the writer thread goes straight on to the next batch instead of finishing turns.
    private readonly TaskCompletionSource<object?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<object?> Run { get; } = run;

    public Task<object?> Task => _done.Task;

    public bool Done => _done.Task.IsCompleted;

    public void Succeed(object? result) => _done.TrySetResult(result);

    public void Fail(Exception error) => _done.TrySetException(error);
}
