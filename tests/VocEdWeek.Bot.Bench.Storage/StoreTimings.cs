using System.Diagnostics;

namespace VocEdWeek.Bot.Bench.Storage;

/// <summary>
/// The store query behind "who hasn't reported", alone: what <c>ProgressService.ForWeek</c> asks the submission store on
/// every answer (the week's submission times, then its exemptions), timed in this process, no HTTP and no card.
/// </summary>
public static class StoreTimings
{
    /// <param name="CpuMs">This process's CPU time per call (all its threads): what the call costs the bot's side, however long it waited for a core.</param>
    public sealed record Sample(double P50Ms, double P99Ms, double MaxMs, double CpuMs, int Missing);

    /// <summary>One call, as the first answer after a start makes it (LiteDB fills its in-memory times here).</summary>
    public static double Once(BenchStores stores) => Time(stores).Ms;

    public static Sample Measure(BenchStores stores, int calls, int warmup)
    {
        var times = new List<double>(calls);
        var missing = 0;
        for (var i = 0; i < warmup; i++) Time(stores);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < calls; i++)
        {
            var (ms, m) = Time(stores);
            times.Add(ms);
            missing = m;
        }
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / calls;
        times.Sort();
        return new Sample(Percentile(times, 50), Percentile(times, 99), times[^1], cpuMs, missing);
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static (double Ms, int Missing) Time(BenchStores stores)
    {
        var week = stores.Week.Definition;
        var begin = Stopwatch.GetTimestamp();
        var times = stores.Submissions.Times(week.Id);
        var exemptions = stores.Submissions.Exemptions(week.Id);
        var ms = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
        // Read the answer back (not timed): today's slots neither handed in nor exempt, the count the reply card lists.
        var today = BenchWeek.TodayKey;
        var missing = week.Departments.Count(d => !times.ContainsKey((d.Id, today)) && !exemptions.ContainsKey((d.Id, today)));
        return (ms, missing);
    }
}
