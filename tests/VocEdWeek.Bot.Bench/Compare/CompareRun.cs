namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>
/// The rounds: for each round, row and connection count, the targets one after another (botbuilder, bot, bare,
/// botbuilder, …), so that whatever else the machine does falls on all of them alike. Per target and row: a warm-up
/// wrk run, then the measured one, with the target's CPU time and RSS read from /proc around it. Before round 1, the
/// priming runs (round 0): each target, each row, <see cref="CompareOptions.Prime"/> long, kept out of the medians.
/// </summary>
public sealed class CompareRun(CompareFakes fakes, CompareOptions options, IReadOnlyDictionary<string, TargetProcess> targets)
{
    private readonly WrkRunner _wrk = new(fakes);

    public async Task<List<CompareSample>> RunAsync(CancellationToken cancel)
    {
        var samples = new List<CompareSample>();
        if (options.Prime > TimeSpan.Zero)
        {
            foreach (var row in options.Rows)
            {
                foreach (var name in options.Targets)
                {
                    var prime = await MeasureAsync(0, row, options.Connections[0], targets[name], options.Prime, cancel);
                    samples.Add(prime);
                    Console.WriteLine(CompareTable.Line(prime));
                }
            }
        }
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var row in options.Rows)
            {
                foreach (var connections in options.Connections)
                {
                    foreach (var name in options.Targets)
                    {
                        var sample = await MeasureAsync(round, row, connections, targets[name], options.Duration, cancel);
                        samples.Add(sample);
                        Console.WriteLine(CompareTable.Line(sample));
                    }
                }
            }
        }
        return samples;
    }

    private async Task<CompareSample> MeasureAsync(int round, StreamKind row, int connections, TargetProcess target, TimeSpan duration, CancellationToken cancel)
    {
        var callsBefore = fakes.Connector.CallCount;
        var nearBefore = fakes.Pace.NearLimit;
        var kind = row.LuaKindFor(target.Name);
        var warm = await _wrk.RunAsync(target.Url, row, kind, connections, options.Warmup, cancel);
        var cpuBefore = target.CpuTime();
        var coreBefore = CoreTime.Read(0);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var stopRss = new CancellationTokenSource();
        var rss = MaxRssAsync(target, stopRss.Token);
        var measured = await _wrk.RunAsync(target.Url, row, kind, connections, duration, cancel);
        var cpu = target.CpuTime() - cpuBefore;
        var coreBusy = CoreTime.Read(0).BusyPercentSince(coreBefore);
        var share = 100 * cpu.TotalSeconds / System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        await stopRss.CancelAsync();
        var maxRss = await rss;
        // Nothing answered inside the run means answers slower than the run itself: wait as long as wrk's timeout allows.
        var slowest = TimeSpan.FromMilliseconds(measured.Answered > 0 ? Math.Max(measured.MaxMs, warm.MaxMs) : 30_000);
        var calls = await ConnectorSettle.CallsSinceAsync(fakes.Connector, callsBefore, slowest);
        return new CompareSample(round, row.Name, connections, target.Name, measured,
            measured.Answered > 0 ? cpu.TotalMilliseconds / measured.Answered : double.NaN, maxRss, calls, warm.Answered + measured.Answered)
        {
            CorePercent = share,
            CoreBusyPercent = coreBusy,
            CallsPerAnswer = row.ConnectorCallsFor(target.Name),
            NearLimit = fakes.Pace.NearLimit - nearBefore,
        };
    }

    private static async Task<long> MaxRssAsync(TargetProcess target, CancellationToken stop)
    {
        var max = target.Rss();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(stop)) max = Math.Max(max, target.Rss());
        }
        catch (OperationCanceledException)
        {
        }
        return Math.Max(max, target.Rss());
    }
}
