namespace VocEdWeek.Bot.Reliability;

/// <summary>Nearest-rank percentiles, formatted for the tables.</summary>
public static class Stats
{
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public static string Ms(double ms) => ms >= 1000
        ? (ms / 1000).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + " s"
        : ms.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + " ms";
}
