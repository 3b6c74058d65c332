using System.Globalization;

namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>
/// Command line of <c>--compare</c> (see compare.sh): <c>--duration 4 --warmup 2 --prime 20 --rounds 3 --connections 16,64
/// --rows known,first --bot-dll PATH --results FILE</c>.
/// </summary>
public sealed record CompareOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(4);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Before round 1, each target runs each row this long unmeasured (round 0 in the table, in no median): .NET's tiered
    /// JIT reaches its optimised, profile-guided code only after some 15–20 s under load, and a bot serving a college's week
    /// has run for hours before its 12:00 rush. Zero skips it.
    /// </summary>
    public TimeSpan Prime { get; init; } = TimeSpan.FromSeconds(20);
    public int Rounds { get; init; } = 3;
    public IReadOnlyList<int> Connections { get; init; } = [16, 64];
    public IReadOnlyList<StreamKind> Rows { get; init; } = [StreamKind.Known, StreamKind.FirstContact, StreamKind.Submit];
    public IReadOnlyList<string> Targets { get; init; } = [TargetNames.Botbuilder, TargetNames.Bot, TargetNames.Bare];

    /// <summary>How many known conversations the "help" row rotates over (<see cref="StreamKind.Known"/>).</summary>
    public int KnownConversations => Rows.FirstOrDefault(r => r.Name == StreamKind.Known.Name)?.KnownConversations ?? StreamKind.Known.KnownConversations;

    /// <summary>The published bot (Release), started as its own process.</summary>
    public string BotDll { get; init; } = "";
    public string ResultsFile { get; init; } = "compare.md";

    /// <summary>Hard stop for the whole run: the benchmark ends by itself whatever happens.</summary>
    public TimeSpan Deadline =>
        (Duration + Warmup + TimeSpan.FromSeconds(8)) * (Rounds * Connections.Count * Rows.Count * Targets.Count)
        + (Prime + Warmup + TimeSpan.FromSeconds(8)) * (Rows.Count * Targets.Count) + TimeSpan.FromMinutes(3);

    public static CompareOptions Parse(IReadOnlyList<string> args)
    {
        var o = new CompareOptions();
        int? known = null;
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--duration" => o with { Duration = Seconds(value) },
                "--warmup" => o with { Warmup = Seconds(value) },
                "--prime" => o with { Prime = Seconds(value) },
                "--rounds" => o with { Rounds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--connections" => o with { Connections = value.Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray() },
                "--rows" => o with { Rows = value.Split(',').Select(StreamKind.Named).ToArray() },
                "--targets" => o with { Targets = value.Split(',') },
                "--bot-dll" => o with { BotDll = value },
                "--results" => o with { ResultsFile = value },
                "--known-conversations" => (known = int.Parse(value, CultureInfo.InvariantCulture)) is > 0 ? o : throw new ArgumentException("--known-conversations ≥ 1"),
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (known is { } n) o = o with { Rows = o.Rows.Select(r => r.Name == StreamKind.Known.Name ? r with { KnownConversations = n } : r).ToArray() };
        if (!File.Exists(o.BotDll)) throw new ArgumentException("--bot-dll must name the published VocEdWeek.Bot.dll");
        if (o.Targets.Except(TargetNames.All).Any()) throw new ArgumentException($"--targets takes {string.Join(",", TargetNames.All)}");
        if (o.Rounds < 1 || o.Connections.Any(c => c is < 1 or > 1024)) throw new ArgumentException("--rounds ≥ 1, --connections 1..1024");
        return o;
    }

    private static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));
}
