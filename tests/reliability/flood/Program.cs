using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using VocEdWeek.Bot.Reliability;
using VocEdWeek.Bot.Reliability.Flood;
using VocEdWeek.Bot.Tests.Fakes;
using static VocEdWeek.Bot.Reliability.Stats;

// FLOOD figure: one user sends 2,000 messages in 3 s to the bot process while 20 others write at human pace.
// Usage: dotnet VocEdWeek.Bot.Reliability.Flood.dll --repo DIR [--bot-dll FILE] [--messages 2000] [--seconds 3] [--results FILE] [--log FILE]
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "", StringComparer.Ordinal);
var repo = Path.GetFullPath(options.GetValueOrDefault("repo", "."));
var botDll = options.GetValueOrDefault("bot-dll") is { Length: > 0 } dll ? dll : Path.Combine(repo, "bot", "bin", "Release", "net10.0", "VocEdWeek.Bot.dll");
var floodCount = int.Parse(options.GetValueOrDefault("messages", "2000"), CultureInfo.InvariantCulture);
var floodSeconds = double.Parse(options.GetValueOrDefault("seconds", "3"), CultureInfo.InvariantCulture);
const int Others = 20;
const string Notice = "请稍后再发";
_ = Task.Delay(TimeSpan.FromMinutes(5)).ContinueWith(_ => { Console.Error.WriteLine("flood figure: still running after 5 minutes; exiting."); Environment.Exit(3); }, TaskScheduler.Default);

await using var connector = await FakeConnector.StartAsync();
connector.EnforceTeamsLimits = true; // answers 429 past Teams' per-thread limits, as Teams would
var data = Directory.CreateTempSubdirectory("vocedweek-flood-");
try
{
    await using var bot = await BotProcess.StartAsync(botDll, new Dictionary<string, string>
    {
        ["MicrosoftAppId"] = "", // anonymous local mode: loopback only, no token checks (see README)
        ["Storage__Directory"] = data.FullName,
        ["Week__DefinitionFile"] = Path.Combine(repo, "bot", "Weeks", "Samples", "2024-wuxi.json"),
        ["Clock__StartAt"] = "2024-05-14T09:30:00+08:00",
        ["Office__AnnounceStartup"] = "false",
        ["Scheduling__Enabled"] = "false",
    });
    var traffic = new Traffic(bot.Messages, connector.ServiceUrl);

    // Warm-up: every user once (JIT, LiteDB, the conversation stored), then a quiet moment.
    await Task.WhenAll(Enumerable.Range(0, Others).Select(i => traffic.SendAsync($"user{i:D2}", "帮助")).Append(traffic.SendAsync("flooder", "帮助")));
    await Task.Delay(TimeSpan.FromSeconds(3));
    traffic.Answers.Clear();
    var before = connector.RequestCount;
    var rssBefore = bot.RssMegabytes();

    // Others at human pace (one message each every 2 s, staggered) for 15 s, from 3 s before the flood.
    var humans = Enumerable.Range(0, Others).Select(i => Task.Run(async () =>
    {
        await Task.Delay(TimeSpan.FromMilliseconds(100 * i));
        for (var k = 0; k < 8; k++)
        {
            var next = Task.Delay(TimeSpan.FromSeconds(2));
            await traffic.SendAsync($"user{i:D2}", k % 2 == 0 ? "帮助" : "我的提交");
            await next;
        }
    })).ToList();
    await Task.Delay(TimeSpan.FromSeconds(3));

    var floodStart = DateTimeOffset.UtcNow;
    var clock = Stopwatch.StartNew();
    var peakRss = rssBefore;
    var flood = new List<Task>(floodCount);
    const int Ticks = 100;
    for (var tick = 0; tick < Ticks; tick++)
    {
        var due = TimeSpan.FromSeconds(floodSeconds * tick / Ticks);
        if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
        var upTo = (int)((long)floodCount * (tick + 1) / Ticks);
        while (flood.Count < upTo) flood.Add(traffic.SendAsync("flooder", "帮助"));
    }
    var sentIn = clock.Elapsed;
    while (flood.Any(t => !t.IsCompleted) || humans.Any(t => !t.IsCompleted))
    {
        peakRss = Math.Max(peakRss, bot.RssMegabytes());
        await Task.Delay(200);
    }
    // Then until the connector has been quiet for 10 s: whatever the bot still sends after the flood shows here.
    for (var last = connector.RequestCount; ; last = connector.RequestCount)
    {
        peakRss = Math.Max(peakRss, bot.RssMegabytes());
        await Task.Delay(TimeSpan.FromSeconds(10));
        if (connector.RequestCount == last || clock.Elapsed > TimeSpan.FromMinutes(3)) break;
    }
    var rssAfter = bot.RssMegabytes();
    var levels = bot.LevelsSince(floodStart);
    var dropped = bot.Lines.Count(l => l.At >= floodStart && l.Line.Contains("its deadline passed", StringComparison.Ordinal));
    var overBudget = bot.Lines.Count(l => l.At >= floodStart && l.Line.Contains("ran out of its", StringComparison.Ordinal));
    await bot.StopAsync();
    if (options.GetValueOrDefault("log") is { Length: > 0 } logFile) await File.WriteAllLinesAsync(logFile, bot.Lines.Select(l => l.Line));

    var requests = connector.Requests.Skip(before).ToList();
    var toFlooder = requests.Where(r => r.Method == "POST" && r.Path.Contains("a:flooder", StringComparison.Ordinal)).ToList();
    bool IsNotice(RecordedRequest r) => Regex.Unescape(r.Body).Contains(Notice, StringComparison.Ordinal);
    var notices = toFlooder.Count(r => r.Status < 400 && IsNotice(r));
    var helpCards = toFlooder.Count(r => r.Status < 400 && !IsNotice(r));
    var lastToFlooder = toFlooder.Count == 0 ? 0 : (toFlooder.Max(r => r.ReceivedAt) - floodStart).TotalSeconds;
    var floods = traffic.Answers.Where(a => a.Who == "flooder").ToList();
    var during = traffic.Answers.Where(a => a.Who != "flooder" && a.At >= floodStart && a.At <= floodStart + TimeSpan.FromSeconds(floodSeconds + 5)).ToList();
    var quiet = traffic.Answers.Where(a => a.Who != "flooder" && a.At < floodStart).ToList();
    string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    var table = new StringBuilder()
        .AppendLine(Inv($"{floodCount:N0} messages from one user in {sentIn.TotalSeconds:F1} s, {Others} other users at human pace; bot process (Release, loopback), fake connector with Teams' per-chat limits."))
        .AppendLine()
        .AppendLine("| measure | value |")
        .AppendLine("| --- | --- |")
        .AppendLine(Inv($"| other users, before the flood: answers, p50 / p99 | {quiet.Count} × {StatusList(quiet)}, {Ms(Percentile(quiet.Select(a => a.Milliseconds), 50))} / {Ms(Percentile(quiet.Select(a => a.Milliseconds), 99))} |"))
        .AppendLine(Inv($"| other users, during the flood: answers, p50 / p99 | {during.Count} × {StatusList(during)}, {Ms(Percentile(during.Select(a => a.Milliseconds), 50))} / {Ms(Percentile(during.Select(a => a.Milliseconds), 99))} |"))
        .AppendLine(Inv($"| flooder's answers by status | {StatusList(floods)} |"))
        .AppendLine(Inv($"| flooder's answer time p50 / p99 / max (Teams gives up at 15 s) | {Ms(Percentile(floods.Select(a => a.Milliseconds), 50))} / {Ms(Percentile(floods.Select(a => a.Milliseconds), 99))} / {Ms(floods.Count == 0 ? 0 : floods.Max(a => a.Milliseconds))} |"))
        .AppendLine(Inv($"| flooder's turns run (help cards delivered + replies dropped at their deadline) | {helpCards + dropped} ({helpCards} + {dropped}) |"))
        .AppendLine(Inv($"| \"{Notice}\" notices delivered to the flooder | {notices} |"))
        .AppendLine(Inv($"| last message to the flooder's chat | {lastToFlooder:F1} s after the flood began |"))
        .AppendLine(Inv($"| connector 429s (Teams' per-chat limit exceeded) | {requests.Count(r => r.Status == 429)} |"))
        .AppendLine(Inv($"| log entries from the flood on: info / warn / fail / crit / other lines | {levels["info"]} / {levels["warn"]} / {levels["fail"]} / {levels["crit"]} / {levels["other"]} |"))
        .AppendLine(Inv($"| turns over their 14 s budget | {overBudget} |"))
        .AppendLine(Inv($"| bot RSS before / peak / after | {rssBefore:F0} / {peakRss:F0} / {rssAfter:F0} MiB |"));
    Console.WriteLine();
    Console.Write(table);
    if (options.GetValueOrDefault("results") is { Length: > 0 } file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await File.WriteAllTextAsync(file, "## Flood\n\n" + table);
    }
    var ok = floods.All(a => a.Status == 200 && a.Milliseconds < 15_000) && levels["fail"] == 0 && levels["crit"] == 0;
    return ok ? 0 : 1;
}
finally
{
    try { data.Delete(recursive: true); } catch (IOException) { }
}

static string StatusList(IEnumerable<Traffic.Answer> answers) =>
    string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));
