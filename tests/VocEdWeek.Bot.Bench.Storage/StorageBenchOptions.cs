using System.Globalization;

namespace VocEdWeek.Bot.Bench.Storage;

/// <summary>
/// Command line: <c>--rounds 3 --duration 4 --warmup 1 --connections 16 --departments 1000 --store-calls 200
/// --results FILE</c>. Every round runs every target (in a rotated order) for submissions, then for questions.
/// </summary>
public sealed record StorageBenchOptions
{
    public int Rounds { get; init; } = 3;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(4);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(1);
    public int Connections { get; init; } = 16;
    public int Departments { get; init; } = 1000;
    public int StoreCalls { get; init; } = 200;
    public string? ResultsFile { get; init; }

    /// <summary>Hard stop for the whole program: set-up and start-up, then 3 targets × 2 loads per round.</summary>
    public TimeSpan Deadline => TimeSpan.FromMinutes(4) + (Duration + Warmup + TimeSpan.FromSeconds(10)) * (Rounds * 3 * 2);

    public static StorageBenchOptions Parse(string[] args)
    {
        var o = new StorageBenchOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--rounds" => o with { Rounds = Whole(value, 1, 100) },
                "--duration" => o with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--warmup" => o with { Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--connections" => o with { Connections = Whole(value, 1, 1024) },
                "--departments" => o with { Departments = Whole(value, 10, 100_000) },
                "--store-calls" => o with { StoreCalls = Whole(value, 1, 100_000) },
                "--results" => o with { ResultsFile = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return o;
    }

    private static int Whole(string value, int min, int max)
    {
        var n = int.Parse(value, CultureInfo.InvariantCulture);
        return n >= min && n <= max ? n : throw new ArgumentException($"{value} is not in {min}..{max}");
    }
}
