namespace VocEdWeek.Bot.Bench.Reminders;

/// <summary>Nearest-rank percentiles over every sample.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The most requests seen in any window of <paramref name="window"/> (sliding over the sorted times).</summary>
    public static int MaxInWindow(IReadOnlyList<DateTimeOffset> sortedTimes, TimeSpan window)
    {
        var max = 0;
        var start = 0;
        for (var end = 0; end < sortedTimes.Count; end++)
        {
            while (sortedTimes[end] - sortedTimes[start] >= window) start++;
            max = Math.Max(max, end - start + 1);
        }
        return max;
    }
}
