using System.Diagnostics;

namespace VocEdWeek.Bot.Bench.Profile;

/// <summary>What one stretch of <see cref="ProfileLoad"/> did; latencies in Stopwatch ticks, sorted.</summary>
public sealed record LoadCounts(long Requests, int Errors, TimeSpan Elapsed, long[] Latencies)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>Nearest rank, in milliseconds.</summary>
    public double PercentileMs(double p) => Latencies.Length == 0
        ? double.NaN
        : Latencies[Math.Clamp((int)Math.Ceiling(p / 100 * Latencies.Length) - 1, 0, Latencies.Length - 1)] * 1000.0 / Stopwatch.Frequency;
}
