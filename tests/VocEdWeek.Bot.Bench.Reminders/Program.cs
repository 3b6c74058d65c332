using System.Globalization;
using System.Text;
using VocEdWeek.Bot.Bench.Reminders;

// Usage: dotnet VocEdWeek.Bot.Bench.Reminders.dll [--reminders 1000] [--thread 70] [--parallel 8] [--tenant-limit 50] [--client-rps 30,45] [--results file.md]
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "", StringComparer.Ordinal);
int Int(string key, int fallback) => options.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var reminders = Int("reminders", 1000);
var thread = Int("thread", 70);
var parallel = Int("parallel", 8);
var limit = TimeSpan.FromSeconds(Int("limit", 600));
var tenantLimit = Int("tenant-limit", 50);
var clientRates = (options.TryGetValue("client-rps", out var rates) ? rates : "30,45").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToList();

var results = new List<ScenarioResult>();
Console.WriteLine($"==> {reminders} reminders to {reminders} liaisons (one 1:1 chat each), outbox parallel {parallel}; the fake connector answers 429 past Teams' per-thread limits and {tenantLimit}/s per tenant");
foreach (var rps in clientRates)
{
    Console.WriteLine($"    client's own tenant ceiling (Connector:TenantRequestsPerSecond) {rps}/s");
    results.Add(await ReminderScenario.RunAsync($"{reminders} reminders, {reminders} chats, client ≤ {rps}/s", reminders, oneThread: false, parallel, tenantLimit, rps, limit));
}
if (thread > 0)
{
    Console.WriteLine($"==> {thread} notices into one channel thread");
    results.Add(await ReminderScenario.RunAsync($"{thread} notices, 1 channel", thread, oneThread: true, parallel, tenantLimit, clientRates[0], limit));
}

var table = new StringBuilder()
    .AppendLine("| scenario | sent / jobs | queued in | sending took | sends/s | 429s received | throttled sends | p50 per send | p99 per send | max per send | max requests in any 1 s |")
    .AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
foreach (var r in results)
{
    table.AppendLine(CultureInfo.InvariantCulture,
        $"| {r.Name} | {r.Sent} / {r.Jobs} | {r.Queued.TotalSeconds:F2} s | {r.Total.TotalSeconds:F1} s | {r.PerSecond:F1} | {r.Received429} | {r.ThrottledSends} | {r.P50:F0} ms | {r.P99:F0} ms | {r.Max:F0} ms | {r.MaxPerSecond} |");
}
Console.WriteLine();
Console.Write(table);
if (options.TryGetValue("results", out var file) && file.Length > 0)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
    File.WriteAllText(file, table.ToString());
}
return results.All(r => r.Clean) ? 0 : 1;
