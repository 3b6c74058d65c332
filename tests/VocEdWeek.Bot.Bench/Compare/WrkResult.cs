using System.Globalization;

namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>What one wrk run reported (stream.lua's done() line); times in milliseconds.</summary>
public sealed record WrkResult(long Requests, double Seconds, double P50Ms, double P99Ms, double P999Ms, double MaxMs,
    long SocketErrors, long Non2xx, long Timeouts)
{
    public double RequestsPerSecond => Requests / Seconds;

    /// <summary>Non-2xx answers, socket errors (connect, read, write) and timeouts.</summary>
    public long Errors => SocketErrors + Non2xx + Timeouts;

    /// <summary>Requests answered 2xx: wrk counts non-2xx answers in <see cref="Requests"/> too.</summary>
    public long Answered => Requests - Non2xx;

    public static WrkResult Parse(string line)
    {
        var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length != 10 || f[0] != "WRK") throw new FormatException($"not a WRK line: {line}");
        double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        long L(int i) => long.Parse(f[i], CultureInfo.InvariantCulture);
        return new WrkResult(L(1), D(2), D(3), D(4), D(5), D(6), L(7), L(8), L(9));
    }
}
