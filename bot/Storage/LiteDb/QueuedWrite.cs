using System.Runtime.ExceptionServices;

namespace VocEdWeek.Bot.Storage.LiteDb;

/// <summary>One caller's write waiting in a <see cref="GroupCommit"/>, and how it ended (set by the writer thread).</summary>
public sealed class QueuedWrite(Func<object?> run)
{
    private object? _result;
    private ExceptionDispatchInfo? _error;

    public Func<object?> Run { get; } = run;

    // Read and written under GroupCommit's lock once the batch is over (the writer takes the lock after setting it).
    public bool Done { get; private set; }

    public void Succeed(object? result)
    {
        _result = result;
        Done = true;
    }

    public void Fail(Exception error)
    {
        _error = ExceptionDispatchInfo.Capture(error);
        Done = true;
    }

    /// <summary>The write's result, or its exception rethrown (with its own stack) on the caller's thread.</summary>
    public object? Result()
    {
        _error?.Throw();
        return Done ? _result : throw new InvalidOperationException("The write was never run.");
    }
}
