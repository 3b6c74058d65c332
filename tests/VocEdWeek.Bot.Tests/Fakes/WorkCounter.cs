namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// Counts pieces of work under way and signals each time the count drops to zero, so a fake-time test awaits
/// "nothing outstanding" instead of polling for it. Every busy stretch gets a fresh signal, created when the count
/// leaves zero under the same lock that completes it, so a waiter can never miss the drop it asked about.
/// </summary>
public sealed class WorkCounter
{
    private readonly object sync = new();
    private int count;
    private TaskCompletionSource quiet = Quiet();

    public int Count
    {
        get { lock (sync) return count; }
    }

    public bool IsQuiet => Count == 0;

    public void Enter()
    {
        lock (sync)
        {
            if (count++ == 0) quiet = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Leave()
    {
        TaskCompletionSource? drained = null;
        lock (sync)
        {
            if (--count == 0) drained = quiet;
        }
        // Completed outside the lock; continuations run asynchronously, so a waiter never runs on the leaving thread.
        drained?.TrySetResult();
    }

    /// <summary>Completed now if nothing is under way, otherwise when the current busy stretch ends.</summary>
    public Task WhenQuiet()
    {
        lock (sync) return quiet.Task;
    }

    private static TaskCompletionSource Quiet()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}
