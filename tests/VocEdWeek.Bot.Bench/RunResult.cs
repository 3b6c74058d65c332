using System.Diagnostics;

namespace VocEdWeek.Bot.Bench;

/// <summary>One target at one connection count: throughput and latency percentiles (nearest rank).</summary>
public sealed record RunResult(
    string Target,
    int Connections,
    long Requests,
    double RequestsPerSecond,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    int Errors,
    string? FirstError,
    long Answered)
{
    /// <summary>Connector calls seen during the run; set for the bot only.</summary>
    public long? ConnectorReplies { get; init; }

    public ProcessSample? Process { get; init; }

    /// <summary>The 99.9th percentile (nearest rank): the storage benchmark reports it; the tables here do not.</summary>
    public double P999Ms { get; init; }

    public static RunResult From(string target, int connections, TimeSpan duration, IReadOnlyList<WorkerResult> workers)
    {
        var all = workers.SelectMany(w => w.Latencies).ToArray();
        Array.Sort(all);
        return new RunResult(
            target,
            connections,
            all.Length,
            all.Length / duration.TotalSeconds,
            Percentile(all, 50),
            Percentile(all, 90),
            Percentile(all, 99),
            all.Length == 0 ? double.NaN : Ms(all[^1]),
            workers.Sum(w => w.Errors),
            workers.Select(w => w.FirstError).FirstOrDefault(e => e is not null),
            workers.Sum(w => w.Answered))
        {
            P999Ms = Percentile(all, 99.9),
        };
    }

    private static double Percentile(long[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return Ms(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
