namespace VocEdWeek.Bot.Tests.Protocol.Connector;

/// <summary>Checks recorded send times against sliding windows: no span of <c>period</c> holds more than <c>limit</c>.</summary>
internal static class RateWindowAssert
{
    public static int MaxInAnyWindow(IEnumerable<DateTimeOffset> times, TimeSpan period)
    {
        var sorted = times.OrderBy(t => t).ToList();
        var max = 0;
        for (int i = 0, j = 0; i < sorted.Count; i++)
        {
            while (j < sorted.Count && sorted[j] < sorted[i] + period) j++;
            max = Math.Max(max, j - i);
        }
        return max;
    }

    public static void WithinLimit(IEnumerable<DateTimeOffset> times, int limit, TimeSpan period)
    {
        var max = MaxInAnyWindow(times, period);
        Assert.True(max <= limit, $"{max} requests fell within {period.TotalSeconds} s; the limit is {limit}.");
    }
}
