using System.Globalization;

namespace VocEdWeek.Bot.Bench.Profile;

/// <summary>
/// <c>profile [--kind help|submit] [--duration 15] [--warmup 5] [--connections 16] [--conversations 2000] [--stream known|first] [--out DIR]</c>, or
/// <c>analyze TRACE.nettrace --requests N --cpu-ms MS [--out FILE]</c> to read an existing trace again.
/// </summary>
public sealed record ProfileOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(15);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);
    public int Connections { get; init; } = 16;
    public int Conversations { get; init; } = 2000;
    public string Out { get; init; } = Path.Combine("artifacts", "profile");

    /// <summary>
    /// True: every request of the bot's rows from a chat and user never seen (first contact, compare.sh's row <c>first</c>);
    /// the <see cref="Conversations"/> pass before them is then new chats too (the warm-up). False: the known pool.
    /// </summary>
    public bool FirstContact { get; init; }

    /// <summary>"help" (a reply through the connector) or "submit" (the daily report card, BenchWeek's liaisons).</summary>
    public string Kind { get; init; } = "help";

    public bool Submits => Kind == "submit";

    /// <summary>Hard stop: three measured stretches, the warm-up, the first contacts and the trace's conversion.</summary>
    public TimeSpan Deadline => 3 * Duration + Warmup + TimeSpan.FromMinutes(6);

    public static ProfileOptions Parse(IReadOnlyList<string> args)
    {
        var o = new ProfileOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--duration" => o with { Duration = TimeSpan.FromSeconds(Number(value)) },
                "--warmup" => o with { Warmup = TimeSpan.FromSeconds(Number(value)) },
                "--connections" => o with { Connections = (int)Number(value) },
                "--conversations" => o with { Conversations = (int)Number(value) },
                "--out" => o with { Out = value },
                "--stream" => o with { FirstContact = value is "first" ? true : value is "known" ? false : throw new ArgumentException("--stream is known or first") },
                "--kind" => o with { Kind = value is "help" or "submit" ? value : throw new ArgumentException("--kind must be help or submit") },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (o.Connections is < 1 or > 1024) throw new ArgumentException("--connections must be 1..1024");
        if (o.Submits) o = o with { Conversations = Compare.BenchWeek.Liaisons };
        if (o.Conversations < 1) throw new ArgumentException("--conversations must be at least 1");
        return o;
    }

    private static double Number(string value) => double.Parse(value, CultureInfo.InvariantCulture);
}
