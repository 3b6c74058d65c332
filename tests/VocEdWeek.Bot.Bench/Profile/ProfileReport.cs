using System.Globalization;
using System.Text;

namespace VocEdWeek.Bot.Bench.Profile;

/// <summary>
/// The profile as Markdown: the measured rows, then where the CPU and the allocations go, per request. A share of
/// busy samples becomes microseconds per request by scaling with the traced row's CPU time per request.
/// </summary>
public static class ProfileReport
{
    public static string Format(IReadOnlyList<Measured> rows, Measured traced, StackTally tally, string setup, string title = "\"help\" to known conversations")
    {
        var s = new StringBuilder();
        s.AppendLine(Inv($"# Profile: POST /api/messages, {title}")).AppendLine().AppendLine(setup).AppendLine();
        s.AppendLine("| target | requests | req/s | p50 ms | p99 ms | max ms | errors | process CPU µs/request | allocated KB/request | gen0 GCs | GC pause µs/request |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in rows)
        {
            s.AppendLine(Inv($"| {r.Target} | {r.Load.Requests} | {r.Load.PerSecond:F0} | {r.Load.PercentileMs(50):F2} | {r.Load.PercentileMs(99):F2} | {r.Load.PercentileMs(100):F0} | {r.Load.Errors} | {r.CpuUsPerRequest:F0} | {r.AllocatedKbPerRequest:F1} | {r.Collections} | {r.GcPauseUsPerRequest:F0} |"));
        }
        // Pool threads spinning for work are sampled whenever they are runnable, even while another process has the core
        // (this VM is shared); their share is shown but not priced, and the CPU is shared out over the rest. The GC's own
        // threads are not sampled at all: their CPU falls to the areas in proportion (allocations per request are the lever).
        var work = tally.Busy - tally.Areas.GetValueOrDefault(CostAreas.Spinning);
        var usPerSample = traced.CpuUsPerRequest / Math.Max(1, work);
        var requests = Math.Max(1, traced.Load.Requests);
        s.AppendLine().AppendLine(Inv($"Traced row: {traced.CpuUsPerRequest:F0} µs CPU per request, shared out over {work} samples of work ({tally.Busy} busy, {tally.Idle} idle or asleep on a lock), ≈ {usPerSample:F3} µs per sample per request; the process stood still {traced.GcPauseUsPerRequest:F0} µs per request for garbage collection (wall time)."));
        s.AppendLine("Samples are thread time: a runnable thread waiting for a core counts as busy. Process CPU includes the load generator and the fake connector; the bare row is roughly that share.").AppendLine();

        var areas = tally.Areas.Where(a => a.Key != CostAreas.Spinning).ToDictionary(a => a.Key, a => a.Value);
        Table(s, "Where the CPU goes, by area (the innermost frame of the bot's code decides; rules in `Profile/CostAreas.cs`)", "area", areas, areas.Values.Sum(), 30, v => Inv($"{v * usPerSample:F0} µs"));
        s.AppendLine(Inv($"Not priced: pool threads spinning for work, {100.0 * tally.Areas.GetValueOrDefault(CostAreas.Spinning) / Math.Max(1, tally.Busy):F0} % of busy samples.")).AppendLine();
        Table(s, "Top frames, inclusive: the bot's own code", "frame", Only(tally.Inclusive, StackTally.IsBotCode), tally.Busy, 30, v => Inv($"{v * usPerSample:F0} µs"));
        Table(s, "Top frames, inclusive: everything", "frame", tally.Inclusive, tally.Busy, 40, v => Inv($"{v * usPerSample:F0} µs"));
        Table(s, "Top frames, exclusive (self time)", "frame", tally.Exclusive, tally.Busy, 40, v => Inv($"{v * usPerSample:F1} µs"));
        s.AppendLine(Inv($"Allocation ticks: {tally.AllocatedBytes / 1024.0 / requests:F1} KB per request sampled (the process counter says {traced.AllocatedKbPerRequest:F1} KB).")).AppendLine();
        Table(s, "Allocations by area (same rules)", "area", tally.AllocatedByArea, tally.AllocatedBytes, 20, v => Inv($"{v / 1024.0 / requests:F2} KB"));
        Table(s, "Allocations by the bot's innermost frame", "frame", tally.AllocatedByBotFrame, tally.AllocatedBytes, 25, v => Inv($"{v / 1024.0 / requests:F2} KB"));
        Table(s, "Allocations by type", "type", tally.AllocatedByType, tally.AllocatedBytes, 20, v => Inv($"{v / 1024.0 / requests:F2} KB"));
        Table(s, "Samples asleep on a contended lock, by where (not CPU)", "frame", tally.LockWaits, Math.Max(1, tally.LockWaits.Values.Sum()), 10, v => Inv($"{v}"));
        Table(s, "Idle samples by the frame the thread waits in (not CPU)", "frame", tally.IdleLeaves, tally.Idle, 8, v => Inv($"{v}"));
        return s.ToString();
    }

    private static Dictionary<string, long> Only(Dictionary<string, long> counts, Func<string, bool> keep) =>
        counts.Where(c => keep(c.Key)).ToDictionary(c => c.Key, c => c.Value);

    private static void Table(StringBuilder s, string title, string what, Dictionary<string, long> counts, long total, int top, Func<long, string> perRequest)
    {
        s.AppendLine(Inv($"## {title}")).AppendLine();
        s.AppendLine(Inv($"| {what} | % | per request |")).AppendLine("| --- | ---: | ---: |");
        foreach (var (key, value) in counts.OrderByDescending(c => c.Value).Take(top))
        {
            s.AppendLine(Inv($"| `{key.Replace("|", "\\|", StringComparison.Ordinal)}` | {100.0 * value / Math.Max(1, total):F1} | {perRequest(value)} |"));
        }
        s.AppendLine();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
