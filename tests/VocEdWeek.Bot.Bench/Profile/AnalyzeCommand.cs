using System.Globalization;

namespace VocEdWeek.Bot.Bench.Profile;

/// <summary>
/// <c>analyze TRACE.nettrace REQUESTS CPU-µs-PER-REQUEST [GC-PAUSE-µs-PER-REQUEST]</c>: reads a trace written by <c>profile</c> again (after a
/// change to the areas, say) and prints the report, with the traced row's request count and CPU time given by hand.
/// </summary>
public static class AnalyzeCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count is not (3 or 4))
        {
            Console.Error.WriteLine("usage: analyze TRACE.nettrace REQUESTS CPU-µs-PER-REQUEST [GC-PAUSE-µs-PER-REQUEST]");
            return 2;
        }
        var requests = long.Parse(args[1], CultureInfo.InvariantCulture);
        var cpu = double.Parse(args[2], CultureInfo.InvariantCulture);
        var traced = new Measured("bot, traced", new LoadCounts(requests, 0, TimeSpan.FromSeconds(1), []), cpu, double.NaN, 0,
            args.Count == 4 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0);
        Console.Write(ProfileReport.Format([], traced, TraceReader.Read(args[0]), $"Trace {Path.GetFileName(args[0])}, read again."));
        return 0;
    }
}
