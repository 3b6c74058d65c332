using System.Globalization;
using System.Text;

namespace VocEdWeek.Bot.Bench;

/// <summary>The results as a Markdown table plus the bot/bare ratios per connection count.</summary>
public static class ResultTable
{
    public static string Format(IReadOnlyList<RunResult> results)
    {
        var s = new StringBuilder();
        s.AppendLine("| target | connections | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | connector replies | CPU % | pool threads / queue | lock contentions/s |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            s.AppendLine(Inv($"| {r.Target} | {r.Connections} | {r.Requests} | {r.RequestsPerSecond:F0} | {r.P50Ms:F2} | {r.P90Ms:F2} | {r.P99Ms:F2} | {r.MaxMs:F1} | {r.Errors} | {(r.ConnectorReplies is { } c ? $"{c} of {r.Answered}" : "-")} | {r.Process?.CpuPercent:F0} | {r.Process?.MaxPoolThreads} / {r.Process?.MaxPoolQueue} | {r.Process?.LockContentionsPerSecond:F0} |"));
        }
        s.AppendLine();
        foreach (var group in results.GroupBy(r => r.Connections))
        {
            var bot = group.FirstOrDefault(r => r.Target == "bot");
            var bare = group.FirstOrDefault(r => r.Target == "bare");
            if (bot is null || bare is null) continue;
            s.AppendLine(Inv($"- {group.Key} connections: bot/bare throughput {bot.RequestsPerSecond / bare.RequestsPerSecond:F3} (bare is {bare.RequestsPerSecond / bot.RequestsPerSecond:F1}x faster); latency bot/bare p50 {bot.P50Ms / bare.P50Ms:F1}x, p90 {bot.P90Ms / bare.P90Ms:F1}x, p99 {bot.P99Ms / bare.P99Ms:F1}x"));
        }
        foreach (var r in results.Where(r => r.FirstError is not null))
        {
            s.AppendLine(Inv($"- {r.Target} x{r.Connections}: first error {r.FirstError}"));
        }
        return s.ToString();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
