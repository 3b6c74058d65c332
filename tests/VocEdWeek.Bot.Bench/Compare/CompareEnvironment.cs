using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>The lines that say what the numbers were measured on: machine, runtimes, versions, settings, date.</summary>
public static class CompareEnvironment
{
    public static string Describe(CompareOptions o)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").Where(l => l.StartsWith("model name", StringComparison.Ordinal)).ToList();
        var botbuilder = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "VocEdWeek.Bot.Bench", "botbuilder", "node_modules", "botbuilder", "package.json")))?["version"];
        return string.Join('\n', [
            Inv($"- machine: {cpu.Count} cores ({cpu.FirstOrDefault()?.Split(':', 2)[1].Trim()}), {RuntimeInformation.OSDescription}; targets pinned alone to core 0 (`taskset -c 0`), wrk and the fakes to core 1"),
            Inv($"- .NET {RuntimeInformation.FrameworkDescription}, node {Output("node", "--version")}, botbuilder {botbuilder}, {Output("wrk", "-v").Split('\n')[0]}"),
            Inv($"- {o.Rounds} rounds interleaved (targets {string.Join(", ", o.Targets)} one after another in each row); per run {o.Warmup.TotalSeconds:F0} s warm-up + {o.Duration.TotalSeconds:F0} s measured; medians over the rounds"),
            o.Prime > TimeSpan.Zero
                ? Inv($"- before round 1 every target ran every row {o.Prime.TotalSeconds:F0} s unmeasured at {o.Connections[0]} connections (round 0, \"prime\", listed below, in no median): each target at its steady state, as a bot is after a morning's traffic")
                : "- no priming run: round 1 is each target's first seconds under load",
            Inv($"- {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"),
        ]);
    }

    private static string Output(string file, string args)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (p is null) return "?";
            var text = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            return text.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
