using System.Diagnostics;
using System.Globalization;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Submissions;
using VocEdWeek.Bot.Submissions;

namespace VocEdWeek.Bot.Bench.Profile;

/// <summary>
/// The submission store alone, no HTTP: <c>store-submits FOLDER [SUBMITS] [CONCURRENT]</c> opens a new LiteDB file in
/// FOLDER (emptied first) with the bot's own <see cref="BotDatabase"/> and <see cref="LiteDbSubmissionStore"/>, and runs
/// CONCURRENT loops of awaited submits over 2,000 slots, each followed by one <c>Current</c> (as the report's choices read
/// it). After as many submits again to warm up, it prints process CPU and bytes allocated per submit and submits per second.
/// A fourth argument <c>nocheckpoint</c> turns LiteDB's checkpoint off, so the log only grows: it also prints the log
/// written per submit (KB and 8 KB pages: what each commit writes, fsyncs and later copies into the data file).
/// </summary>
public static class StoreSubmits
{
    private const string Data = """{"story":"今天机电工程学院开展了职业体验日活动，共接待中小学生120人次。","visitors":"120","events":"3"}""";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync("usage: store-submits FOLDER [SUBMITS 8000] [CONCURRENT 16]");
            return 2;
        }
        var folder = args[0];
        var submits = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8000;
        var concurrent = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
        var logOnly = args.Length > 3 && args[3] == "nocheckpoint";
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var options = new StorageOptions { Directory = folder };
        using var db = new BotDatabase(options);
        if (logOnly) db.Database.CheckpointSize = 0;
        var store = new LiteDbSubmissionStore(db);
        long next = 0;
        await RunLoops(store, submits / 2, concurrent, () => Interlocked.Increment(ref next));
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var logBefore = logOnly ? db.LogLength : 0;
        var clock = Stopwatch.StartNew();
        await RunLoops(store, submits, concurrent, () => Interlocked.Increment(ref next));
        process.Refresh();
        if (logOnly)
        {
            var written = db.LogLength - logBefore;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"log written: {written / 1024.0 / submits:F1} KB/submit, {written / 8192.0 / submits:F2} pages/submit"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"store-submits {submits} x{concurrent}: {(process.TotalProcessorTime - cpu).TotalMicroseconds / submits:F0} µs CPU/submit, "
            + $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / submits:F1} KB/submit, {submits / clock.Elapsed.TotalSeconds:F0} submits/s"));
        return 0;
    }

    private static Task RunLoops(LiteDbSubmissionStore store, int submits, int concurrent, Func<long> next) =>
        Task.WhenAll(Enumerable.Range(0, concurrent).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < submits / concurrent; i++)
            {
                var n = next();
                var (stored, _) = await store.SubmitAsync(new Submission
                {
                    WeekId = "2024-wuxi",
                    DepartmentId = string.Create(CultureInfo.InvariantCulture, $"d{n % 2000:D4}"),
                    ItemKey = "report:2024-05-14",
                    SubmittedAt = DateTime.UtcNow,
                    SubmittedByName = "张伟",
                    SubmittedByTeamsId = "29:bench",
                    IdempotencyKey = Guid.NewGuid().ToString("N"),
                    Data = Data,
                });
                store.Current(stored.WeekId, stored.DepartmentId, stored.ItemKey);
            }
        })));
}
