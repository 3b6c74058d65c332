using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace VocEdWeek.Bot.Bench.Storage;

/// <summary>Every round's measurements, and the Markdown table of their medians (artifacts/bench/storage.md).</summary>
public sealed class StorageReport(StorageBenchOptions options)
{
    private readonly Dictionary<string, double> _cold = [];
    private readonly Dictionary<string, List<StoreTimings.Sample>> _store = [];
    private readonly Dictionary<Target, List<(RunResult Submits, RunResult Questions, long Replies)>> _http = [];
    private readonly List<string> _problems = [];
    private readonly Dictionary<string, (double Ms, string Plan)> _server = [];

    public bool Failed => _problems.Count > 0;

    public void StoreCold(string provider, double ms) => _cold[provider] = ms;

    public void StoreServer(string provider, double ms, string plan) => _server[provider] = (ms, plan);

    public void Store(string provider, StoreTimings.Sample sample) => Rows(_store, provider).Add(sample);

    public void Http(Target target, RunResult submits, RunResult questions, long replies)
    {
        Rows(_http, target).Add((submits, questions, replies));
        if (submits.Errors > 0) _problems.Add(Inv($"{target.Name}: {submits.Errors} submits failed (first: {submits.FirstError})"));
        if (questions.Errors > 0) _problems.Add(Inv($"{target.Name}: {questions.Errors} questions failed (first: {questions.FirstError})"));
        if (replies != questions.Answered) _problems.Add(Inv($"{target.Name}: {replies} connector replies for {questions.Answered} answered questions"));
    }

    /// <summary>What the target's store gained against what its bots answered 200 to (load and smoke test).</summary>
    public void Stored(Target target, long stored, int smoke)
    {
        var answered = _http[target].Sum(r => r.Submits.Answered) + smoke;
        if (stored != answered) _problems.Add(Inv($"{target.Name}: {stored} versions stored for {answered} answered submits"));
    }

    public string Format()
    {
        var s = new StringBuilder();
        s.AppendLine("# Storage benchmark: LiteDB vs PostgreSQL, 1 and 3 instances");
        s.AppendLine();
        s.AppendLine(Inv($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}. ")
            + Inv($"{options.Departments} departments × 7 days; {options.Rounds} rounds, targets interleaved (order rotated each round); per load {options.Warmup.TotalSeconds:F0} s warm-up + ")
            + Inv($"{options.Duration.TotalSeconds:F0} s measured, {options.Connections} connections (closed loop, round-robin over a target's instances). Medians over the rounds, [min–max] of the rate."));
        s.AppendLine();
        s.AppendLine("## Daily report submissions (Action.Execute `report.submit`, stored, receipt card in the invoke response)");
        s.AppendLine();
        s.AppendLine("| target | bot processes | submits/s | p50 ms | p99 ms | p99.9 ms | errors |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (target, rows) in _http)
        {
            var r = rows.Select(x => x.Submits).ToList();
            s.AppendLine(Inv($"| {target.Name} | {target.Instances} | {Rate(r)} | {Median(r, x => x.P50Ms):F1} | {Median(r, x => x.P99Ms):F1} | {Median(r, x => x.P999Ms):F1} | {r.Sum(x => x.Errors)} |"));
        }
        s.AppendLine();
        s.AppendLine("## \"今天谁还没报送\" asked by office staff (HTTP, reply card through the connector)");
        s.AppendLine();
        s.AppendLine("| target | bot processes | answers/s | p50 ms | p99 ms | errors | connector replies / answers |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (target, rows) in _http)
        {
            var r = rows.Select(x => x.Questions).ToList();
            s.AppendLine(Inv($"| {target.Name} | {target.Instances} | {Rate(r)} | {Median(r, x => x.P50Ms):F1} | {Median(r, x => x.P99Ms):F1} | {r.Sum(x => x.Errors)} | {rows.Sum(x => x.Replies)} / {r.Sum(x => x.Answered)} |"));
        }
        s.AppendLine();
        s.AppendLine(Inv($"## The store query alone (`ISubmissionStore.Times` + `Exemptions` of the week, in-process, {options.StoreCalls} calls per round)"));
        s.AppendLine();
        s.AppendLine("| provider | first call ms | p50 ms | p99 ms | max ms | bench CPU ms per call | departments missing today |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (provider, rows) in _store)
        {
            s.AppendLine(Inv($"| {provider} | {_cold[provider]:F1} | {Median(rows, x => x.P50Ms):F2} | {Median(rows, x => x.P99Ms):F2} | {rows.Max(x => x.MaxMs):F1} | {Median(rows, x => x.CpuMs):F2} | {rows[^1].Missing} |"));
        }
        s.AppendLine();
        if (_store.TryGetValue("PostgreSQL", out var pg))
        {
            var p99 = Median(pg, x => x.P99Ms);
            s.AppendLine(Inv($"- Requirement \"who hasn't reported\" under 10 ms on PostgreSQL for {options.Departments} × 7: p99 {p99:F2} ms in the bench, {(p99 < 10 ? "met" : "NOT met")}."));
            if (_server.TryGetValue("PostgreSQL", out var server))
                s.AppendLine(Inv($"- The server's own execution time of those queries (EXPLAIN ANALYZE, median of 20): {server.Ms:F2} ms ({server.Plan}); the rest is the client reading the rows and, on a busy machine, waiting for a core."));
        }
        var names = _http.Keys.ToDictionary(t => t.Name);
        if (names.TryGetValue("LiteDB×1", out var lite) && names.TryGetValue("PostgreSQL×1", out var one) && names.TryGetValue("PostgreSQL×3", out var three))
        {
            double Sub(Target t) => Median(_http[t].Select(x => x.Submits).ToList(), x => x.RequestsPerSecond);
            double Ask(Target t) => Median(_http[t].Select(x => x.Questions).ToList(), x => x.RequestsPerSecond);
            s.AppendLine(Inv($"- Submits/s: PostgreSQL×1 / LiteDB×1 {Sub(one) / Sub(lite):F2}, PostgreSQL×3 / PostgreSQL×1 {Sub(three) / Sub(one):F2}. ")
                + Inv($"Answers/s: PostgreSQL×1 / LiteDB×1 {Ask(one) / Ask(lite):F2}, PostgreSQL×3 / PostgreSQL×1 {Ask(three) / Ask(one):F2}."));
        }
        s.AppendLine(_problems.Count == 0
            ? "- Every request answered 200; every answered submit is stored (versions counted in each target's store afterwards); every answered question sent one reply."
            : "- PROBLEMS: " + string.Join("; ", _problems));
        return s.ToString();
    }

    private static List<TValue> Rows<TKey, TValue>(Dictionary<TKey, List<TValue>> rows, TKey key) where TKey : notnull
    {
        if (!rows.TryGetValue(key, out var list)) rows[key] = list = [];
        return list;
    }

    private static string Rate(List<RunResult> rows) =>
        Inv($"{Median(rows, x => x.RequestsPerSecond):F0} [{rows.Min(x => x.RequestsPerSecond):F0}–{rows.Max(x => x.RequestsPerSecond):F0}]");

    private static double Median<T>(IReadOnlyList<T> rows, Func<T, double> value)
    {
        var sorted = rows.Select(value).Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
