using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Bench.Office;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Features.Office;
using VocEdWeek.Bot.Weeks;

// "Who hasn't reported" for a big week, timed on the server side: a staff question goes through the real TurnRouter
// (identity, parse, one progress snapshot read from a real LiteDB file, card render) until the answer is handed to the
// messenger (or set as the invoke response). Sending over the network is not included.
// Usage: dotnet run -c Release --project tests/VocEdWeek.Bot.Bench.Office [-- --departments 1000 --answers 200 --warmup 20 --writers 0]
var departments = Arg("--departments", 1000);
var answers = Arg("--answers", 200);
var warmup = Arg("--warmup", 20);
// --writers N: N loops storing new versions of today's reports meanwhile, as the 12:00 rush does (0: none).
var writers = Arg("--writers", 0);

var directory = Directory.CreateTempSubdirectory("vocedweek-bench-").FullName;
try
{
    // Thursday 16 May 2024, 11:00 Beijing time: plan and four days due, today's reports coming in.
    var now = new DateTimeOffset(2024, 5, 16, 11, 0, 0, TimeSpan.FromHours(8));
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:Directory"] = directory,
        ["Week:DefinitionFile"] = SampleWeeks.Write(directory, departments),
    }).Build();
    var messenger = new NullMessenger();
    using var services = new ServiceCollection()
        .AddLogging()
        .AddSingleton<IConfiguration>(configuration)
        .AddSingleton<TimeProvider>(new FixedClock(now))
        .AddSingleton<IFileDownloader>(new NoDownloads())
        .AddSingleton<IMessenger>(messenger)
        .AddBotApp(configuration)
        .BuildServiceProvider();
    var week = services.GetRequiredService<WeekCatalog>().Active!;
    var db = services.GetRequiredService<BotDatabase>();
    var seeding = Stopwatch.StartNew();
    var stored = SampleWeeks.Submit(services.GetRequiredService<ISubmissionStore>(), services.GetRequiredService<IAtomicWrites>(), week, now);
    db.Database.Checkpoint();
    var dbBytes = new FileInfo(Path.Combine(directory, "vocedweek.db")).Length;
    Console.WriteLine($"Week: {departments} departments x {week.Calendar.Days.Count} days; {stored} submission versions in a LiteDB file of {dbBytes / 1048576.0:F1} MiB (seeded in {seeding.ElapsedMilliseconds} ms).");
    Console.WriteLine($"Clock: {now:yyyy-MM-dd HH:mm} Beijing time. {answers} timed answers per scenario after {warmup} warm-up answers; .NET {Environment.Version}, {Environment.ProcessorCount} CPUs.");
    Console.WriteLine();

    {
        // The first answer after start reads the week's submission times from LiteDB once; later ones use memory.
        var router0 = services.GetRequiredService<ITurnHandler>();
        var cold = Stopwatch.StartNew();
        await router0.OnTurnAsync(Turn(week.Definition.Office.Staff[0], "今天谁还没报送", ConversationScope.Personal, null, week.Definition.Id, -1, messenger, now), CancellationToken.None);
        Console.WriteLine($"First answer after start (reads the week's submissions once): {cold.Elapsed.TotalMilliseconds:F0} ms.");
        Console.WriteLine();
    }

    if (args.Contains("--breakdown"))
    {
        // Where the time goes: the snapshot (LiteDB read) and the card (statuses + template) separately.
        var progressService = services.GetRequiredService<VocEdWeek.Bot.Progress.ProgressService>();
        var missingCard = services.GetRequiredService<MissingCard>();
        var t = VocEdWeek.Bot.Localization.Strings.For("zh-CN");
        var item = new WeekItem(ItemKind.DailyReport, new DateOnly(2024, 5, 16));
        var progressCard = services.GetRequiredService<ProgressCard>();
        var snapTimes = new List<double>();
        var cardTimes = new List<double>();
        var statusTimes = new List<double>();
        var progressTimes = new List<double>();
        // Bytes allocated by this thread while rendering (the renders are synchronous), summed over the timed answers.
        long missingBytes = 0, progressBytes = 0;
        for (var i = 0; i < warmup + answers; i++)
        {
            var w1 = Stopwatch.StartNew();
            var snapshot = progressService.ForWeek(week);
            w1.Stop();
            var a2 = GC.GetAllocatedBytesForCurrentThread();
            var w2 = Stopwatch.StartNew();
            missingCard.Render(snapshot, item, t, mention: true);
            w2.Stop();
            a2 = GC.GetAllocatedBytesForCurrentThread() - a2;
            var w3 = Stopwatch.StartNew();
            snapshot.AllItems();
            w3.Stop();
            // A fresh snapshot: one snapshot keeps the statuses it has computed, and the progress card is timed from none.
            var fresh = progressService.ForWeek(week);
            var a4 = GC.GetAllocatedBytesForCurrentThread();
            var w4 = Stopwatch.StartNew();
            progressCard.Render(fresh, t, item);
            w4.Stop();
            a4 = GC.GetAllocatedBytesForCurrentThread() - a4;
            if (i < warmup) continue;
            missingBytes += a2;
            progressBytes += a4;
            snapTimes.Add(w1.Elapsed.TotalMilliseconds);
            cardTimes.Add(w2.Elapsed.TotalMilliseconds);
            statusTimes.Add(w3.Elapsed.TotalMilliseconds);
            progressTimes.Add(w4.Elapsed.TotalMilliseconds);
        }
        foreach (var list in new[] { snapTimes, cardTimes, statusTimes, progressTimes }) list.Sort();
        Console.WriteLine($"Breakdown (p50 / p99 ms): snapshot {P(snapTimes, 50):F1} / {P(snapTimes, 99):F1}; missing card {P(cardTimes, 50):F1} / {P(cardTimes, 99):F1}; "
            + $"all statuses {P(statusTimes, 50):F1} / {P(statusTimes, 99):F1}; progress card {P(progressTimes, 50):F1} / {P(progressTimes, 99):F1}");
        Console.WriteLine($"Allocated per render: missing card {missingBytes / 1024.0 / answers:F0} KB; progress card {progressBytes / 1024.0 / answers:F0} KB");
        Console.WriteLine();
    }

    var router = services.GetRequiredService<ITurnHandler>();
    await using var background = new BackgroundSubmits(services.GetRequiredService<ISubmissionStore>(), week,
        new WeekItem(ItemKind.DailyReport, week.Calendar.LocalDate(now)), now, writers);
    var timed = Stopwatch.StartNew();
    background.Start();
    var staff = week.Definition.Office.Staff[0];
    var scenarios = new (string Name, string Text, ConversationScope Scope, string? Verb)[]
    {
        ("今天谁还没报送 (personal chat)", "今天谁还没报送", ConversationScope.Personal, null),
        ("今天谁还没报送 (channel, @mentions)", "今天谁还没报送", ConversationScope.Channel, null),
        ("who hasn't reported yesterday", "who hasn't reported yesterday", ConversationScope.Personal, null),
        ("进度 (full progress card)", "进度", ConversationScope.Personal, null),
        ("全部进度 button (Action.Execute)", "", ConversationScope.Channel, ProgressCard.FullVerb),
    };
    Console.WriteLine($"| {"scenario",-36} | {"p50 ms",7} | {"p90 ms",7} | {"p99 ms",7} | {"max ms",7} | {"card bytes",10} | {"KB/answer",9} |");
    Console.WriteLine($"|{new string('-', 38)}|{new string('-', 9)}|{new string('-', 9)}|{new string('-', 9)}|{new string('-', 9)}|{new string('-', 12)}|{new string('-', 11)}|");
    foreach (var (name, text, scope, verb) in scenarios)
    {
        var times = new List<double>(answers);
        JsonObject? card = null;
        long allocated = 0;
        for (var i = 0; i < warmup + answers; i++)
        {
            if (i == warmup) allocated = GC.GetTotalAllocatedBytes(precise: true);
            var turn = Turn(staff, text, scope, verb, week.Definition.Id, i, messenger, now);
            var watch = Stopwatch.StartNew();
            await router.OnTurnAsync(turn, CancellationToken.None);
            watch.Stop();
            if (i >= warmup) times.Add(watch.Elapsed.TotalMilliseconds);
            card = verb is null ? messenger.LastCard : turn.InvokeResult?.Body?["value"]?.AsObject();
        }
        // Whole process (the answer may continue on another thread after an await); nothing else runs meanwhile.
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        if (card is null) throw new InvalidOperationException($"{name}: no card was answered.");
        times.Sort();
        var bytes = Encoding.UTF8.GetByteCount(card.ToJsonString());
        Console.WriteLine($"| {name,-36} | {P(times, 50),7:F1} | {P(times, 90),7:F1} | {P(times, 99),7:F1} | {times[^1],7:F1} | {bytes,10} | {allocated / 1024.0 / answers,9:F0} |");
    }
    if (writers > 0) Console.WriteLine($"Meanwhile {writers} writers stored {background.Written} submissions ({background.Written / timed.Elapsed.TotalSeconds:F0}/s) in {directory}.");
}
finally
{
    try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
}
return;

static double P(List<double> sorted, int percentile) => sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

static TurnContext Turn(Person staff, string text, ConversationScope scope, string? verb, string weekId, int i, IMessenger messenger, DateTimeOffset now)
{
    var data = verb is null ? null : new JsonObject { ["verb"] = verb, ["weekId"] = weekId };
    return new TurnContext(messenger)
    {
        Kind = verb is null ? TurnKind.Message : TurnKind.CardAction,
        Conversation = scope == ConversationScope.Personal
            ? new ConversationRef("https://smba.example/", "a:staff", "tenant-1", "28:bot", "bot", scope, "29:staff", staff.AadObjectId)
            : new ConversationRef("https://smba.example/", "19:office@thread.tacv2", "tenant-1", "28:bot", "bot", scope, "29:staff", staff.AadObjectId,
                TeamId: "19:team@thread.tacv2", ChannelId: "19:office@thread.tacv2"),
        User = new UserRef("29:staff", staff.AadObjectId, staff.Name),
        Culture = CultureInfo.GetCultureInfo(text.Any(c => c > 0x7f) || text.Length == 0 ? "zh-CN" : "en-US"),
        ReceivedAt = now,
        Text = text,
        Value = data is null ? null : JsonSerializer.SerializeToElement(data),
        Verb = verb,
        ActivityId = $"bench-{i}",
    };
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
}
