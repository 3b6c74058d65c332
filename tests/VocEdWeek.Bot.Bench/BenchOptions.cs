using System.Globalization;

namespace VocEdWeek.Bot.Bench;

/// <summary>
/// Command line: <c>--duration 10 --warmup 3 --connections 16,64 --targets bare,bot --results FILE</c>
/// for a measured run, or <c>--serve SECONDS --endpoints FILE</c> to only host the targets (for wrk).
/// </summary>
public sealed record BenchOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);
    public IReadOnlyList<int> Connections { get; init; } = [16, 64];
    public IReadOnlyList<string> Targets { get; init; } = ["bare", "bot"];
    public string? ResultsFile { get; init; }
    /// <summary>Host the targets for this long (or until SIGTERM/SIGINT), measure nothing.</summary>
    public TimeSpan? Serve { get; init; }
    public string? EndpointsFile { get; init; }

    /// <summary>Hard stop for the whole program: the benchmark must end by itself whatever happens.</summary>
    public TimeSpan Deadline => Serve is { } serve
        ? serve + TimeSpan.FromMinutes(1)
        : (Duration + Warmup + TimeSpan.FromSeconds(35)) * (Connections.Count * Targets.Count) + TimeSpan.FromMinutes(1);

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--duration" => o with { Duration = Seconds(value) },
                "--warmup" => o with { Warmup = Seconds(value) },
                "--connections" => o with { Connections = value.Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray() },
                "--targets" => o with { Targets = value.Split(',') },
                "--results" => o with { ResultsFile = value },
                "--serve" => o with { Serve = Seconds(value) },
                "--endpoints" => o with { EndpointsFile = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            i++;
        }
        if (o.Targets.Except(["bare", "bot"]).Any()) throw new ArgumentException("--targets takes bare and/or bot");
        if (o.Connections.Any(c => c is < 1 or > 1024)) throw new ArgumentException("--connections must be 1..1024");
        return o;
    }

    private static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));
}
