using System.Globalization;
using System.Text;

namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>
/// compare.md: per row, connection count and target the median over the rounds (requests/s, latency percentiles, CPU
/// per request), the largest RSS, all errors, connector calls per request; then our bot's ratio to botbuilder, taken
/// round by round (each round's runs are neighbours in time), and every round's raw line.
/// </summary>
public static class CompareTable
{
    public static string Format(IReadOnlyList<CompareSample> all, IReadOnlyList<ExactPass> passes, string environment, IEnumerable<string> notes)
    {
        // Round 0 primes the targets: listed with every round, in no median or ratio.
        var samples = all.Where(x => x.Round > 0).ToList();
        var s = new StringBuilder();
        s.AppendLine("# Side by side: botbuilder (Microsoft's SDK), our bot, bare ASP.NET Core").AppendLine();
        s.AppendLine(environment).AppendLine();
        s.AppendLine("| row | conns | target | req/s | p50 ms | p99 ms | p99.9 ms | CPU ms/req | core 0: target / busy % | max RSS MiB | errors | connector calls/req | sends near a Teams limit |");
        s.AppendLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var g in Groups(samples))
        {
            var m = g.ToList();
            s.AppendLine(Inv($"| {g.Key.Row} | {g.Key.Connections} | {g.Key.Target} | {Median(m, x => x.Measured.RequestsPerSecond):F0} | {Median(m, x => x.Measured.P50Ms):F2} | {Median(m, x => x.Measured.P99Ms):F2} | {Median(m, x => x.Measured.P999Ms):F2} | {Cpu(Median(m, x => x.CpuMsPerRequest))} | {Median(m, x => x.CorePercent):F0} / {Median(m, x => x.CoreBusyPercent):F0} | {m.Max(x => x.MaxRssBytes) / 1048576.0:F0} | {m.Sum(x => x.Measured.Errors)} | {CallsPerRequest(passes, g.Key.Target, g.Key.Row)}{(m.All(x => x.ConnectorCallsRight) ? "" : " WRONG")} | {m.Sum(x => x.NearLimit)} |"));
        }
        s.AppendLine();
        foreach (var g in samples.GroupBy(x => (x.Row, x.Connections)))
        {
            var ratios = Ratios(g.ToList(), TargetNames.Bot, TargetNames.Botbuilder);
            var bare = Ratios(g.ToList(), TargetNames.Bare, TargetNames.Botbuilder);
            if (ratios.Count > 0)
                s.AppendLine(Inv($"- {g.Key.Row} x{g.Key.Connections}: **bot/botbuilder {Median(ratios):F2}x** requests/s (rounds {ratios.Min():F2}-{ratios.Max():F2}); CPU per request bot/botbuilder {Median(Ratios(g.ToList(), TargetNames.Bot, TargetNames.Botbuilder, x => x.CpuMsPerRequest)):F2}x{(bare.Count > 0 ? Inv($"; bare/botbuilder {Median(bare):F1}x") : "")}"));
        }
        foreach (var note in notes) s.AppendLine($"- {note}");
        s.AppendLine().AppendLine("Every round:").AppendLine();
        s.AppendLine("| round | row | conns | target | req/s | p50 ms | p99 ms | p99.9 ms | max ms | CPU ms/req | core 0 % | RSS MiB | errors (socket/non-2xx/timeout) | connector calls / 2xx | sends near a Teams limit |");
        s.AppendLine("| ---: | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |");
        foreach (var x in all)
        {
            var w = x.Measured;
            s.AppendLine(Inv($"| {(x.Round == 0 ? "0 (prime)" : x.Round.ToString(CultureInfo.InvariantCulture))} | {x.Row} | {x.Connections} | {x.Target} | {w.RequestsPerSecond:F0} | {w.P50Ms:F2} | {w.P99Ms:F2} | {w.P999Ms:F2} | {w.MaxMs:F1} | {Cpu(x.CpuMsPerRequest)} | {x.CorePercent:F0} / {x.CoreBusyPercent:F0} | {x.MaxRssBytes / 1048576.0:F0} | {w.SocketErrors}/{w.Non2xx}/{w.Timeouts} | {x.ConnectorCalls} / {x.Answered}{(x.ConnectorCallsRight ? "" : " WRONG")} | {x.NearLimit} |"));
        }
        return s.ToString();
    }

    /// <summary>CPU per request, or "-" when the run answered nothing inside its window.</summary>
    private static string Cpu(double ms) => double.IsNaN(ms) ? "-" : Inv($"{ms:F3}");

    private static string CallsPerRequest(IReadOnlyList<ExactPass> passes, string target, string row) =>
        passes.FirstOrDefault(p => p.Target == target && p.Row == row) is { } p
            ? Inv($"{p.CallsPerRequest:F3} ({p.ConnectorCalls}/{p.Requests}){(p.Right ? "" : " WRONG")}")
            : "?";

    /// <summary>One line per sample for the console while the run goes on.</summary>
    public static string Line(CompareSample x) => Inv(
        $"  round {x.Round} {x.Row,-6} x{x.Connections,-3} {x.Target,-10} {x.Measured.RequestsPerSecond,8:F0} req/s  p50 {x.Measured.P50Ms:F2}  p99 {x.Measured.P99Ms:F2}  p99.9 {x.Measured.P999Ms:F2} ms  CPU {x.CpuMsPerRequest:F3} ms/req  core0 {x.CorePercent:F0}/{x.CoreBusyPercent:F0} %  RSS {x.MaxRssBytes / 1048576.0:F0} MiB  errors {x.Measured.Errors}  connector {x.ConnectorCalls}/{x.Answered}  near-limit {x.NearLimit}");

    private static IEnumerable<IGrouping<(string Row, int Connections, string Target), CompareSample>> Groups(IReadOnlyList<CompareSample> samples) =>
        samples.GroupBy(x => (x.Row, x.Connections, x.Target));

    /// <summary>a/b per round, for the rounds where both ran.</summary>
    private static List<double> Ratios(List<CompareSample> g, string a, string b, Func<CompareSample, double>? of = null)
    {
        of ??= x => x.Measured.RequestsPerSecond;
        return g.Where(x => x.Target == a)
            .Join(g.Where(x => x.Target == b), x => x.Round, y => y.Round, (x, y) => of(x) / of(y))
            .ToList();
    }

    private static double Median(List<CompareSample> m, Func<CompareSample, double> of) => Median(m.Select(of).ToList());

    /// <summary>The median of the values that exist: CPU per request has none when a run answered nothing.</summary>
    private static double Median(List<double> values)
    {
        values = values.Where(v => !double.IsNaN(v)).ToList();
        if (values.Count == 0) return double.NaN;
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
