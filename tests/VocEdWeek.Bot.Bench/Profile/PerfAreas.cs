using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Bench.Profile;

/// <summary>
/// <c>perf-areas</c>: reads <c>perf script</c> output (CPU-clock samples of the bot with call stacks, JIT frames named
/// through the runtime's perf map) and shares the samples out over the submit's parts. Unlike the EventPipe profile
/// (thread time, idle threads included) these are CPU samples, kernel time included. A stack belongs to a claiming part
/// (card, files, insert, commit, …) found anywhere in it, else to the area of its innermost frame that a rule names;
/// kernel and runtime samples go to the managed code that made them.
/// </summary>
public static class PerfAreas
{
    // Parts that never wrap the rest of the turn: anywhere in a stack, they claim it (a query under the demote is the
    // demote's, the files' query is the receipt's), the first in this order winning.
    private static readonly (string Area, Regex Frame)[] Claiming =
    [
        ("receipt: card templating", Rx(@"CardTemplates::Render|VocEdWeek\.Bot\.Cards\.TemplateEngine|Cards\.Templating")),
        ("receipt: the item's files", Rx(@"ItemFiles::Stored|MediaStore")),
        ("receipt: history, facts, data", Rx(@"FormCards|ReceiptHistory")),
        ("store: previous version demoted", Rx(@"ReopeningEngine::UpdateMany")),
        ("store: version inserted", Rx(@"LiteCollection`1\[.*\]::Insert|LiteEngine::InsertDocument")),
        ("store: commit, log pages, fsync", Rx(@"TransactionService::Commit|DiskWriterQueue|Storage\.LogFile|LogSyncs|WalIndexService|DiskWait|DurableEngine")),
    ];

    // The rest, by the innermost frame one names: what ran under the turn's wrappers (de-duplication, endpoint, form).
    private static readonly (string Area, Regex Frame)[] Rules =
    [
        ("JWT validation", Rx(@"Protocol\.Auth|JsonWebToken|IdentityModel")),
        ("de-duplication", Rx(@"ActivityDeduplicator|SeenWindow|ActivityFingerprint")),
        ("activity read, parse, checks", Rx(@"Protocol\.Inbound|Protocol\.Wire|ActivityRules|Protocol\.Activity")),
        ("invoke response written", Rx(@"InvokeBody|TurnOutcome|InvokeResponse")),
        ("store: reads", Rx(@"LiteCollection`1\[.*\]::(Find|FindById|FindOne|Query|Count|Exists)|QueryExecutor")),
        // ReopeningEngine::Run only wraps the engine's calls: the LiteDB frame under it names the work.
        ("store: other (heads, group commit, transactions)", Rx(@"Submissions\.LiteDbSubmissionStore|SubmissionHeads|GroupBatch|GroupCommit|ReopeningEngine::(?!Run)|BotDatabase|LiteEngine::(BeginTrans|Rollback|AutoTransaction)")),
        ("form: check, parse, submit", Rx(@"DailyReportForm|Features\.Forms|ReportChoices")),
        ("endpoint, router, gate, limiter", Rx(@"VocEdWeek\.Bot\.(Protocol|App|Handlers|Hosting)")),
        ("bot, other", Rx(@"VocEdWeek\.Bot")),
        ("Kestrel, ASP.NET Core", Rx(@"Microsoft\.AspNetCore")),
        ("sockets (managed)", Rx(@"System\.Net\.Sockets")),
        ("thread pool, tasks", Rx(@"System\.Threading")),
    ];

    public static int Run(IReadOnlyList<string> args)
    {
        var cpuUsPerRequest = args.Count > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : double.NaN;
        var areas = new Dictionary<string, int>();
        var leaves = new Dictionary<string, int>();
        var total = 0;
        foreach (var stack in Stacks(Console.In))
        {
            total++;
            Count(areas, AreaOf(stack));
            Count(leaves, LeafOf(stack[0]));
        }
        Console.Write(Table(areas, leaves, total, cpuUsPerRequest));
        return total > 0 ? 0 : 1;
    }

    private static string AreaOf(List<string> stack)
    {
        foreach (var (area, frame) in Claiming)
        {
            if (stack.Any(f => frame.IsMatch(f))) return area;
        }
        foreach (var f in stack)
        {
            foreach (var (area, frame) in Rules)
            {
                if (frame.IsMatch(f)) return area;
            }
        }
        return stack[0].Contains("[kernel.kallsyms]", StringComparison.Ordinal)
            ? "kernel, no managed frame (network softirq, scheduler)"
            : "runtime, no managed frame (GC, JIT, pool threads)";
    }

    private static string LeafOf(string frame) =>
        frame.Contains("[kernel.kallsyms]", StringComparison.Ordinal) ? "kernel"
        : frame.Contains("libcoreclr.so", StringComparison.Ordinal) ? "libcoreclr (GC, allocation, stubs)"
        : frame.Contains("libc.so", StringComparison.Ordinal) ? "libc (memset, memmove)"
        : frame.Contains("libclrjit.so", StringComparison.Ordinal) ? "JIT"
        : "managed and other";

    /// <summary>perf script's stacks: a header line, then one indented frame per line, leaf first; a blank line ends it.</summary>
    private static IEnumerable<List<string>> Stacks(TextReader input)
    {
        var frames = new List<string>();
        while (input.ReadLine() is { } line)
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && line.Trim().Length > 0)
            {
                frames.Add(MethodOnly(line.Trim()));
                continue;
            }
            if (frames.Count > 0) yield return frames;
            frames = [];
        }
        if (frames.Count > 0) yield return frames;
    }

    // The method's name without its argument list: HandleAsync's parameters name types of other areas.
    private static string MethodOnly(string frame)
    {
        var member = frame.IndexOf("::", StringComparison.Ordinal);
        var args = member < 0 ? -1 : frame.IndexOf('(', member);
        return args < 0 ? frame : frame[..args] + frame[frame.LastIndexOf(' ')..];
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static string Table(Dictionary<string, int> areas, Dictionary<string, int> leaves, int total, double perRequest)
    {
        var s = new StringBuilder();
        s.AppendLine(Inv($"{total} CPU samples of the bot").ToString()).AppendLine();
        s.AppendLine("| area | % | µs per request |").AppendLine("| --- | ---: | ---: |");
        foreach (var (area, n) in areas.OrderByDescending(p => p.Value))
            s.AppendLine(Inv($"| {area} | {100.0 * n / total:F1} | {(double.IsNaN(perRequest) ? "" : (perRequest * n / total).ToString("F0", CultureInfo.InvariantCulture))} |"));
        s.AppendLine().AppendLine("Where the samples' innermost frame was: " +
            string.Join(", ", leaves.OrderByDescending(p => p.Value).Select(p => Inv($"{p.Key} {100.0 * p.Value / total:F1} %"))) + ".");
        return s.ToString();
    }

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.CultureInvariant);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
