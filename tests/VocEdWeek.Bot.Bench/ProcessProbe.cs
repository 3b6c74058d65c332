using System.Diagnostics;

namespace VocEdWeek.Bot.Bench;

/// <summary>
/// What this process did during a measured window: CPU used (percent of all cores: load generator,
/// bot, connector and bare app together), the thread pool's peak size and peak queue, which show
/// whether blocking calls starve the pool, and Monitor lock contentions per second.
/// </summary>
public sealed class ProcessProbe
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<ProcessSample> _sampler;

    private ProcessProbe(TimeSpan delay) => _sampler = SampleAsync(delay, _stop.Token);

    /// <summary>Starts sampling after <paramref name="delay"/> (the warm-up).</summary>
    public static ProcessProbe StartAfter(TimeSpan delay) => new(delay);

    public async Task<ProcessSample> StopAsync()
    {
        await _stop.CancelAsync();
        var sample = await _sampler;
        _stop.Dispose();
        return sample;
    }

    private static async Task<ProcessSample> SampleAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop);
        }
        catch (OperationCanceledException)
        {
            return new ProcessSample(double.NaN, 0, 0, double.NaN);
        }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var contentions = Monitor.LockContentionCount;
        var started = Stopwatch.GetTimestamp();
        var maxThreads = 0;
        var maxQueue = 0L;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                maxThreads = Math.Max(maxThreads, ThreadPool.ThreadCount);
                maxQueue = Math.Max(maxQueue, ThreadPool.PendingWorkItemCount);
            }
        }
        catch (OperationCanceledException)
        {
        }
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new ProcessSample(
            100 * used.TotalSeconds / (elapsed.TotalSeconds * Environment.ProcessorCount),
            maxThreads,
            maxQueue,
            (Monitor.LockContentionCount - contentions) / elapsed.TotalSeconds);
    }
}
