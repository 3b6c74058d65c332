using System.Collections.Concurrent;

namespace VocEdWeek.Bot.Features.Exports;

/// <summary>
/// Work that outlives the turn that started it (building files, uploading to a consent session): Teams wants its
/// answer within seconds. Jobs stop when the app stops; each job reports its own outcome to the user.
/// </summary>
public sealed partial class ExportJobs(ILogger<ExportJobs> logger) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public Task Run(Func<CancellationToken, Task> work)
    {
        var token = _stopping.Token;
        var task = Task.Run(async () =>
        {
            try
            {
                await work(token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                LogJobFailed(logger, ex);
            }
        }, CancellationToken.None);
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
        return task;
    }

    /// <summary>Waits until no job is running (tests, and a graceful look at what is left).</summary>
    public async Task WhenIdleAsync()
    {
        while (_running.Keys.Where(t => !t.IsCompleted).ToList() is { Count: > 0 } running) await Task.WhenAll(running);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An export job failed")]
    private static partial void LogJobFailed(ILogger logger, Exception ex);
}
