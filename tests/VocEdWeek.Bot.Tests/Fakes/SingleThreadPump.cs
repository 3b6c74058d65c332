using System.Collections.Concurrent;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// A synchronization context served by one dedicated thread. Code started on it keeps its await
/// continuations on it, so "nothing queued and nothing running" (<see cref="IsIdle"/>) means every
/// piece of that code is parked on a timer, a lock, or I/O — which a fake-time test can then observe.
/// </summary>
public sealed class SingleThreadPump : SynchronizationContext, IDisposable
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> queue = new();
    private readonly Thread thread;
    private readonly WorkCounter pending = new();
    private long posted;

    public SingleThreadPump()
    {
        thread = new Thread(Loop) { IsBackground = true, Name = "fake-time pump" };
        thread.Start();
    }

    /// <summary>Callbacks queued or running.</summary>
    public bool IsIdle => pending.IsQuiet;

    /// <summary>Completed now if idle, otherwise when the queue has drained and the last callback has returned.</summary>
    public Task WhenIdle() => pending.WhenQuiet();

    /// <summary>Grows with every post; an unchanged value across two idle checks means no work slipped in between.</summary>
    public long Posted => Interlocked.Read(ref posted);

    /// <summary>The first exception a callback let escape (async methods keep theirs in their task).</summary>
    public Exception? Fault { get; private set; }

    public override void Post(SendOrPostCallback d, object? state)
    {
        pending.Enter();
        Interlocked.Increment(ref posted);
        try
        {
            queue.Add((d, state));
        }
        catch (InvalidOperationException)
        {
            // Disposed: late continuations (connection teardown after a test) run on the thread pool.
            pending.Leave();
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("The pump only accepts posts.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Starts <paramref name="start"/> on the pump thread and returns its task.</summary>
    public Task<T> Run<T>(Func<Task<T>> start)
    {
        var started = new TaskCompletionSource<Task<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(_ =>
        {
            try
            {
                started.SetResult(start());
            }
            catch (Exception ex)
            {
                started.SetException(ex);
            }
        }, null);
        return started.Task.Unwrap();
    }

    public void Dispose() => queue.CompleteAdding();

    private void Loop()
    {
        SetSynchronizationContext(this);
        foreach (var (callback, state) in queue.GetConsumingEnumerable())
        {
            try
            {
                callback(state);
            }
            catch (Exception ex)
            {
                Fault ??= ex;
            }
            finally
            {
                pending.Leave();
            }
        }
    }
}
