using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Reliability;
using VocEdWeek.Bot.Reliability.Faults;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Outbox;
using VocEdWeek.Bot.Tests.Fakes;

// FAULTS figure: the 09:00 reminder to N liaisons while the connector answers 30 % of the sends badly.
// Usage: dotnet VocEdWeek.Bot.Reliability.Faults.dll --repo DIR [--bot-dll FILE] [--liaisons 300] [--results FILE] [--log FILE]
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "", StringComparer.Ordinal);
var repo = Path.GetFullPath(options.GetValueOrDefault("repo", "."));
var botDll = options.GetValueOrDefault("bot-dll") is { Length: > 0 } dll ? dll : Path.Combine(repo, "bot", "bin", "Release", "net10.0", "VocEdWeek.Bot.dll");
var count = int.Parse(options.GetValueOrDefault("liaisons", "300"), CultureInfo.InvariantCulture);
_ = Task.Delay(TimeSpan.FromMinutes(8)).ContinueWith(_ => { Console.Error.WriteLine("faults figure: still running after 8 minutes; exiting."); Environment.Exit(3); }, TaskScheduler.Default);
string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

await using var connector = await FaultyConnector.StartAsync();
var dir = Directory.CreateTempSubdirectory("vocedweek-faults-");
try
{
    var week = GeneratedWeeks.WithDepartments(count, backups: false);
    var weekFile = Path.Combine(dir.FullName, "week.json");
    await File.WriteAllTextAsync(weekFile, JsonSerializer.Serialize(week, new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull }));
    var data = Path.Combine(dir.FullName, "data");
    var bot = await BotProcess.StartAsync(botDll, new Dictionary<string, string>
    {
        ["MicrosoftAppId"] = "", // anonymous local mode: loopback only, no tokens (see README)
        ["Storage__Directory"] = data,
        ["Week__DefinitionFile"] = weekFile,
        // A minute before the 09:00 reminder of a report day; the rehearsal clock runs at normal speed.
        ["Clock__StartAt"] = "2024-05-14T08:59:00+08:00",
        ["Office__AnnounceStartup"] = "false",
        ["Scheduling__TickInterval"] = "00:00:01",
        // Shorter than the defaults so the run takes a minute, not an hour; the logic is the same.
        ["Connector__RequestTimeout"] = "00:00:02",
        ["Connector__BaseRetryDelay"] = "00:00:00.200",
        ["Connector__MaxRetryDelay"] = "00:00:02",
        ["Outbox__RetryDelay"] = "00:00:05",
        ["Outbox__MaxRetryDelay"] = "00:00:20",
        ["Outbox__PollInterval"] = "00:00:01",
    });
    await using (bot)
    {
        // Every liaison has talked to the bot (so it knows their 1:1 chat), before 09:00.
        using var http = new HttpClient();
        var liaisons = week.Departments.Select(d => d.Liaisons[0]).ToList();
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(liaisons.Select(async p =>
        {
            await gate.WaitAsync();
            try
            {
                (await http.PostAsJsonAsync(bot.Messages, Hello(p.AadObjectId!, p.Name, connector.ServiceUrl))).EnsureSuccessStatusCode();
            }
            finally
            {
                gate.Release();
            }
        }));
        connector.Faulty = true;
        Console.WriteLine(Inv($"{liaisons.Count} liaisons talked to the bot; the connector now answers 30 % of reminder sends badly"));

        // Until every reminder job is finished: the connector quiet for 15 s after the first reminder.
        var started = DateTimeOffset.UtcNow;
        for (var last = -1; ; )
        {
            await Task.Delay(TimeSpan.FromSeconds(15));
            var now = connector.Answers.Values.Sum();
            if ((now > 0 && now == last) || DateTimeOffset.UtcNow - started > TimeSpan.FromMinutes(6)) break;
            last = now;
        }
        await bot.StopAsync();
        if (options.GetValueOrDefault("log") is { Length: > 0 } logFile) await File.WriteAllLinesAsync(logFile, bot.Lines.Select(l => l.Line));
    }

    // What the bot recorded, read from its database after it stopped.
    using var db = new BotDatabase(new StorageOptions { Directory = data });
    var jobs = new LiteDbOutboxStore(db, TimeProvider.System).ByTopic("reminder");
    var t = Strings.For("zh-CN");
    var rows = jobs.Select(j => (Job: j, Got: connector.Reminders.GetValueOrDefault($"a:{j.Recipient.AadObjectId}"))).ToList();
    var onceSent = rows.Count(r => r.Got == 1 && r.Job.State == OutboxState.Sent);
    var onceReported = rows.Where(r => r.Got == 1 && r.Job.State != OutboxState.Sent).ToList();
    var missedReported = rows.Where(r => r.Got == 0 && r.Job.State != OutboxState.Sent && r.Job.IsFinal).ToList();
    var lost = rows.Count(r => r.Got == 0 && (r.Job.State == OutboxState.Sent || !r.Job.IsFinal));
    var twice = rows.Count(r => r.Got >= 2);
    var answers = connector.Answers;

    var table = new StringBuilder()
        .AppendLine(Inv($"The 09:00 reminder to {People(count)} (one 1:1 chat each), bot process (Release, loopback); the connector answers 10 % of reminder sends 429, 10 % 503 and posts 10 % but answers after the bot's request timeout."))
        .AppendLine()
        .AppendLine("| measure | value |")
        .AppendLine("| --- | --- |")
        .AppendLine(Inv($"| reminder jobs | {jobs.Count} |"))
        .AppendLine(Inv($"| connector answers to reminder sends: 201 / 429 / 503 / posted, answered too late | {answers.GetValueOrDefault("201")} / {answers.GetValueOrDefault("429")} / {answers.GetValueOrDefault("503")} / {answers.GetValueOrDefault("late 201")} |"))
        .AppendLine(Inv($"| got it exactly once, bot says sent | {onceSent} |"))
        .AppendLine(Inv($"| got it exactly once, bot reports it unconfirmed (answer came too late) | {onceReported.Count} |"))
        .AppendLine(Inv($"| did not get it, reported | {missedReported.Count} |"))
        .AppendLine(Inv($"| did not get it, not reported (lost) | {lost} |"))
        .AppendLine(Inv($"| got it twice or more (duplicates) | {twice} |"))
        .AppendLine(Inv($"| job outcomes | {string.Join(", ", jobs.GroupBy(j => j.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"))} |"));
    var reported = onceReported.Concat(missedReported).ToList();
    if (reported.Count > 0)
    {
        table.AppendLine().AppendLine("Reported to the office (reminder log), in the bot's words:").AppendLine();
        foreach (var group in reported.GroupBy(r => (Words: OutcomeWords.Of(r.Job, t), Got: r.Got > 0)))
        {
            var names = string.Join("、", group.Select(r => r.Job.Recipient.Name).Order(StringComparer.Ordinal));
            table.AppendLine(Inv($"- {group.Key.Words} — {group.Count()} ({(group.Key.Got ? "the connector had posted it" : "not posted")}): {names}"));
        }
    }
    Console.WriteLine();
    Console.Write(table);
    if (options.GetValueOrDefault("results") is { Length: > 0 } file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await File.WriteAllTextAsync(file, "## Faults\n\n" + table);
    }
    return jobs.Count == count && lost == 0 && twice == 0 ? 0 : 1;
}
finally
{
    try { dir.Delete(recursive: true); } catch (IOException) { }
}

static string People(int n) => n.ToString("N0", CultureInfo.InvariantCulture) + " liaisons";

static JsonObject Hello(string aad, string name, string serviceUrl) => new()
{
    ["type"] = "message",
    ["id"] = "hello-" + aad,
    ["serviceUrl"] = serviceUrl,
    ["channelId"] = "msteams",
    ["from"] = new JsonObject { ["id"] = "29:" + aad, ["name"] = name, ["aadObjectId"] = aad },
    ["conversation"] = new JsonObject { ["id"] = "a:" + aad, ["conversationType"] = "personal", ["tenantId"] = "faults-tenant" },
    ["recipient"] = new JsonObject { ["id"] = "28:faults-bot", ["name"] = "VocEdWeek" },
    ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "faults-tenant" } },
    ["text"] = "帮助",
    ["locale"] = "zh-CN",
};
