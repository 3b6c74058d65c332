using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Bench.Exports;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Features.Office;
using VocEdWeek.Bot.Weeks;

// The five exports of a big finished week, written by the registered writers from a real LiteDB file into files.
// Per export: the median time over --runs runs (after one warm-up run each) and the peak memory of a run: the process's
// resident high-water mark (VmHWM, reset before each run through /proc/self/clear_refs) and the largest managed heap
// seen by a 1 ms sampler, next to the resident size and managed heap before the run.
// Usage: bash tests/VocEdWeek.Bot.Bench.Exports/run.sh   (or dotnet run -c Release --project … -- --departments 1000 --media 5000 --runs 5)
if (args.Contains("--recommend"))
{
    // "导出推荐材料" for 200 picked items with ~0.5 and ~2 GiB of media (RecommendBench.cs; run-recommend.sh).
    await RecommendBench.RunAsync(args);
    return;
}
var departments = Arg("--departments", 1000);
var mediaCount = Arg("--media", 5000);
var runs = Arg("--runs", 5);
var results = args.SkipWhile(a => a != "--results").Skip(1).FirstOrDefault();

var directory = Directory.CreateTempSubdirectory("vocedweek-bench-exports-").FullName;
try
{
    var now = new DateTimeOffset(2024, 5, 20, 10, 0, 0, TimeSpan.FromHours(8));
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:Directory"] = directory,
        ["Week:DefinitionFile"] = SampleWeeks.Write(directory, departments),
    }).Build();
    using var services = new ServiceCollection()
        .AddLogging()
        .AddSingleton<IConfiguration>(configuration)
        .AddSingleton<TimeProvider>(new FixedClock(now))
        .AddBotApp(configuration)
        .BuildServiceProvider();
    var week = services.GetRequiredService<WeekCatalog>().Active!;
    var db = services.GetRequiredService<BotDatabase>();
    var seeding = Stopwatch.StartNew();
    var (versions, media) = BenchWeek.Seed(services.GetRequiredService<ISubmissionStore>(), services.GetRequiredService<IMediaStore>(),
        services.GetRequiredService<IAtomicWrites>(), week, mediaCount);
    db.Database.Checkpoint();
    var dbBytes = new FileInfo(Path.Combine(directory, "vocedweek.db")).Length;
    // The five of "导出全部"; the recommendation package has its own run (--recommend).
    var writers = services.GetServices<IExportWriter>().Where(w => ExportKinds.All.Contains(w.Kind)).OrderBy(w => w.Kind).ToList();
    var t = Strings.For(week.Definition.Locale);
    var output = Directory.CreateDirectory(Path.Combine(directory, "out")).FullName;

    var header = new StringBuilder();
    header.AppendLine(CultureInfo.InvariantCulture, $"Week: {departments} departments × {week.Calendar.Days.Count} days; {versions} submission versions, {media} media records; LiteDB file {dbBytes / 1048576.0:F1} MiB (seeded in {seeding.ElapsedMilliseconds} ms).");
    header.AppendLine(CultureInfo.InvariantCulture, $"Median of {runs} runs after one warm-up run per export; .NET {Environment.Version}, {Environment.ProcessorCount} CPUs, Server GC {System.Runtime.GCSettings.IsServerGC}.");
    Console.WriteLine(header);

    var table = new StringBuilder();
    table.AppendLine("| export | file | p50 time | min | max | peak RSS (VmHWM) | RSS before | max GC heap | GC heap before | allocated |");
    table.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var writer in writers)
    {
        var path = Path.Combine(output, writer.Kind + writer.Extension);
        var row = await Measure(runs, async () => await Write(writer, path));
        table.AppendLine(Row($"{writer.Kind} ({writer.FileStem(week, t)}{writer.Extension})", new FileInfo(path).Length, row));
        Console.WriteLine(table.ToString().Split('\n')[^2]);
    }
    var all = await Measure(runs, async () =>
    {
        foreach (var writer in writers) await Write(writer, Path.Combine(output, writer.Kind + writer.Extension));
    });
    table.AppendLine(Row("all five, one after the other", writers.Sum(w => new FileInfo(Path.Combine(output, w.Kind + w.Extension)).Length), all));
    Console.WriteLine(table.ToString().Split('\n')[^2]);
    if (results is not null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(results))!);
        await File.WriteAllTextAsync(results, "# Exports benchmark\n\n" + header + "\n" + table);
        Console.WriteLine($"Table: {results}");
    }

    async Task Write(IExportWriter writer, string path)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
        await writer.WriteAsync(week, t, file, CancellationToken.None);
    }
}
finally
{
    try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
}

static async Task<Measurement> Measure(int runs, Func<Task> run)
{
    await run(); // warm-up: JIT, LiteDB pages, the week's submission times
    var times = new List<double>();
    long peak = 0, before = 0, heap = 0, heapBefore = 0, allocated = 0;
    for (var i = 0; i < runs; i++)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        File.WriteAllText("/proc/self/clear_refs", "5"); // resets VmHWM to the current resident size
        var rss = Status("VmRSS");
        heapBefore = Math.Max(heapBefore, GC.GetTotalMemory(false));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long maxHeap = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                maxHeap = Math.Max(maxHeap, GC.GetTotalMemory(false));
                Thread.Sleep(1);
            }
        });
        var watch = Stopwatch.StartNew();
        await run();
        watch.Stop();
        stop.Cancel();
        await sampler;
        times.Add(watch.Elapsed.TotalMilliseconds);
        peak = Math.Max(peak, Status("VmHWM"));
        before = Math.Max(before, rss);
        heap = Math.Max(heap, maxHeap);
        allocated = Math.Max(allocated, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }
    times.Sort();
    return new Measurement(times[times.Count / 2], times[0], times[^1], peak, before, heap, heapBefore, allocated);
}

static long Status(string field)
{
    var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
    return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
}

static string Row(string name, long bytes, Measurement m) => string.Create(CultureInfo.InvariantCulture,
    $"| {name} | {bytes / 1048576.0:F1} MiB | {m.P50:F0} ms | {m.Min:F0} ms | {m.Max:F0} ms | {Mib(m.PeakRss)} | {Mib(m.RssBefore)} | {Mib(m.MaxHeap)} | {Mib(m.HeapBefore)} | {Mib(m.Allocated)} |");

static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F0} MiB");

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

internal sealed record Measurement(double P50, double Min, double Max, long PeakRss, long RssBefore, long MaxHeap, long HeapBefore, long Allocated);

/// <summary>The clock stands still after the week: every deadline has passed.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
