using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Features.Office;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Bench.Exports;

/// <summary>
/// "导出推荐材料" for 200 picked items (40 cases, 120 photos, 40 videos) through the real ExportService (temp file, SHA-256,
/// copy into the local store), once with ~0.5 GiB and once with ~2 GiB of media: time per file and the process's peak
/// resident memory (VmHWM, reset before each size). The media are sparse files with a real PNG/MP4 header (the package
/// copies bytes; it never decodes them), so generating 2 GiB takes no time and no disk until the package is written.
/// </summary>
public static class RecommendBench
{
    private const int Cases = 40, Photos = 120, Videos = 40;

    /// <param name="args">--gib 0.5 or 2 (the media's total); --results FILE (the table; --append adds the row to it).</param>
    public static async Task RunAsync(string[] args)
    {
        var results = args.SkipWhile(a => a != "--results").Skip(1).FirstOrDefault();
        var gib = double.Parse(args.SkipWhile(a => a != "--gib").Skip(1).FirstOrDefault() ?? "2", CultureInfo.InvariantCulture);
        // 120 photos and 40 videos: 4 MiB and 39 MiB each make ~2 GiB; scaled down for smaller runs.
        var photo = (long)(4L * 1048576 * gib / 2);
        var video = (long)(39L * 1048576 * gib / 2);
        var row = await OneAsync(photo, video);
        Console.WriteLine(row);
        if (results is null) return;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(results))!);
        if (!args.Contains("--append") || !File.Exists(results))
        {
            var header = $"200 picked items in a 20-department week; media are sparse files. Local store (no SharePoint). .NET {Environment.Version}, "
                + $"{Environment.ProcessorCount} CPUs, Server GC {System.Runtime.GCSettings.IsServerGC}; one process per row. Each time is ExportService.ExportAsync: "
                + "the writer into a temp file, its SHA-256, and the copy into the local store.\n\n"
                + "| media | items (cases / photos / videos) | docx | xlsx | zip | time docx | time xlsx | time zip | total | peak RSS (VmHWM) | RSS before |\n"
                + "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
            await File.WriteAllTextAsync(results, "# Recommendation package benchmark\n\n" + header);
        }
        await File.AppendAllTextAsync(results, row + "\n");
        Console.WriteLine($"Table: {results}");
    }

    private static async Task<string> OneAsync(long photoBytes, long videoBytes)
    {
        var directory = Directory.CreateTempSubdirectory("vocedweek-bench-recommend-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Directory"] = directory,
                ["Week:DefinitionFile"] = SampleWeeks.Write(directory, 20),
            }).Build();
            await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
                .AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2024, 5, 20, 10, 0, 0, TimeSpan.FromHours(8))))
                .AddBotApp(configuration).BuildServiceProvider();
            var week = services.GetRequiredService<WeekCatalog>().Active!;
            var media = Seed(services, week, directory, photoBytes, videoBytes);
            var exports = services.GetRequiredService<ExportService>();
            var t = Strings.For("zh-CN");
            var who = new Requester("bench", "29:bench", null);

            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            File.WriteAllText("/proc/self/clear_refs", "5"); // resets VmHWM to the current resident size
            var before = Status("VmRSS");
            var sizes = new List<long>();
            var times = new List<double>();
            var total = Stopwatch.StartNew();
            foreach (var kind in ExportKinds.Recommendation)
            {
                var watch = Stopwatch.StartNew();
                var record = await exports.ExportAsync(week, kind, who, t, CancellationToken.None);
                times.Add(watch.Elapsed.TotalSeconds);
                sizes.Add(record.Size);
            }
            total.Stop();
            var peak = Status("VmHWM");
            return string.Create(CultureInfo.InvariantCulture,
                $"| {Gib(media)} | {Cases} / {Photos} / {Videos} | {Mib(sizes[0])} | {Mib(sizes[1])} | {Mib(sizes[2])} | {times[0]:F1} s | {times[1]:F1} s | {times[2]:F1} s | {total.Elapsed.TotalSeconds:F1} s | {Mib(peak)} | {Mib(before)} |");
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>A report per department and day, the media files on disk and their records, and the office's 200 picks.</summary>
    private static long Seed(IServiceProvider services, ActiveWeek week, string directory, long photoBytes, long videoBytes)
    {
        var submissions = services.GetRequiredService<ISubmissionStore>();
        var mediaStore = services.GetRequiredService<IMediaStore>();
        var picks = services.GetRequiredService<IPickStore>();
        var departments = week.Definition.Departments;
        var days = week.Calendar.Days;
        var folder = Directory.CreateDirectory(Path.Combine(directory, "files", "bench")).FullName;
        long total = 0;
        for (var i = 0; i < Cases + Photos + Videos; i++)
        {
            var d = departments[i % departments.Count];
            var day = days[i / departments.Count % days.Count];
            var itemKey = new WeekItem(ItemKind.DailyReport, day).Key;
            var at = week.Calendar.DeadlineOf(new WeekItem(ItemKind.DailyReport, day)).AddHours(-2).UtcDateTime;
            var pick = new Pick { WeekId = week.Definition.Id, Source = PickSource.Office, DepartmentId = d.Id, ItemKey = itemKey, ByName = "吴苏玲", At = at, Reason = "典型" };
            if (i < Cases)
            {
                submissions.Submit(new Submission
                {
                    WeekId = week.Definition.Id, DepartmentId = d.Id, ItemKey = itemKey, SubmittedAt = at, SubmittedByName = d.Liaisons[0].Name,
                    SubmittedByTeamsId = $"29:{d.Id}", IdempotencyKey = $"bench-{i}",
                    Data = FormJson.Serialize(new DailyReportData { Day = day, TypicalCase = $"{d.Name}典型案例：开放实训中心，邀请中小学生体验。", Participants = 100 }),
                });
                pick.Kind = PickKind.Case;
            }
            else
            {
                var video = i >= Cases + Photos;
                var name = video ? $"v{i}.mp4" : $"p{i}.png";
                var size = video ? videoBytes : photoBytes;
                Sparse(Path.Combine(folder, name), size, video);
                total += size;
                var record = new MediaRecord
                {
                    WeekId = week.Definition.Id, DepartmentId = d.Id, ItemKey = itemKey, FileName = name, OriginalName = name, Kind = video ? MediaKind.Video : MediaKind.Photo,
                    Size = size, Location = $"bench/{name}", ReceivedAt = at, FromName = d.Liaisons[0].Name, BatchId = $"b{i}", State = MediaState.Stored,
                };
                mediaStore.Add(record);
                pick.Kind = video ? PickKind.Video : PickKind.Photo;
                pick.MediaId = record.Id;
            }
            picks.Put(pick);
        }
        return total;
    }

    /// <summary>A file of the given length whose first bytes are a PNG header (4000 × 3000) or an MP4 box; the rest is a hole.</summary>
    private static void Sparse(string path, long length, bool video)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        byte[] head = video ? [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m'] : Png(4000, 3000);
        file.Write(head);
        file.SetLength(length);
    }

    private static byte[] Png(int width, int height)
    {
        var b = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(b, 0);
        BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(20), height);
        b[24] = 8;
        b[25] = 2;
        return b;
    }

    private static long Status(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F0} MiB");

    private static string Gib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1073741824.0:F2} GiB");
}
