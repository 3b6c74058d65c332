using System.Globalization;
using System.Runtime.InteropServices;
using VocEdWeek.Bot.Tests.Features.Office;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Bench.Storage;

/// <summary>Entry point (see README.md): set up, seed, time the store query, start the bots, run the rounds, write the table.</summary>
public static class StorageBenchMain
{
    public static async Task<int> Main(string[] args)
    {
        StorageBenchOptions options;
        try
        {
            options = StorageBenchOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\nusage: --rounds 3 --duration 4 --warmup 1 --connections 16 --departments 1000 --store-calls 200 [--results FILE]");
            return 2;
        }
        _ = Task.Delay(options.Deadline).ContinueWith(_ =>
        {
            Console.Error.WriteLine(Inv($"Storage bench watchdog: still running after {options.Deadline.TotalSeconds:F0} s; exiting."));
            Environment.Exit(3);
        }, TaskScheduler.Default);

        using var root = new TempDir();
        await using var fakes = await BenchFakes.StartAsync();
        var week = SampleWeeks.Write(root.Path, options.Departments);
        // Commits reach the disk, as on a real server (the tests run their cluster with fsync off).
        PostgresCluster.Durable = true;
        var one = Deployed(await PostgresCluster.CreateDatabaseAsync());
        // Filled by copying the first one once it is seeded.
        var three = new Npgsql.NpgsqlConnectionStringBuilder(one) { Database = new Npgsql.NpgsqlConnectionStringBuilder(one).Database + "_three" }.ConnectionString;
        // One signing key for every instance, as several instances require.
        var shared = new Dictionary<string, string> { ["Week:DefinitionFile"] = week, ["Links:SigningKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray()) };
        Target[] targets =
        [
            new("LiteDB×1", 1, Storage(shared, root.Path, "litedb", null)),
            new("PostgreSQL×1", 1, Storage(shared, root.Path, "pg1", one)),
            new("PostgreSQL×3", 3, Storage(shared, root.Path, "pg3", three)),
        ];
        Console.WriteLine(Inv($"{Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}; {options.Departments} departments × 7 days; {options.Rounds} rounds of {options.Warmup.TotalSeconds:F0} s warm-up + {options.Duration.TotalSeconds:F0} s per load, {options.Connections} connections"));

        var report = new StorageReport(options);
        var seeded = new Dictionary<Target, long>();
        IReadOnlyList<(string Department, string Name, string AadObjectId)> editors = [];
        var weekId = "";
        foreach (var target in targets[..2])
        {
            using var stores = BenchStores.Open(target.Storage, BenchWeek.Now);
            var started = System.Diagnostics.Stopwatch.StartNew();
            BenchWeek.Seed(stores);
            seeded[target] = stores.Versions();
            editors = BenchWeek.Editors(stores);
            weekId = stores.Week.Definition.Id;
            Console.WriteLine(Inv($"  {target.Name}: seeded {seeded[target]} versions in {started.Elapsed.TotalSeconds:F1} s; {StoreTimings.Measure(stores, 1, 0).Missing} departments have not reported today"));
        }
        await BenchFakes.CopyDatabaseAsync(one, three);
        seeded[targets[2]] = seeded[targets[1]];

        // The store query alone, LiteDB and PostgreSQL interleaved, before the bots hold the LiteDB file.
        using (var lite = BenchStores.Open(targets[0].Storage, BenchWeek.Now))
        using (var pg = BenchStores.Open(targets[1].Storage, BenchWeek.Now))
        {
            report.StoreCold("LiteDB", StoreTimings.Once(lite));
            report.StoreCold("PostgreSQL", StoreTimings.Once(pg));
            for (var r = 0; r < options.Rounds; r++)
            {
                report.Store("LiteDB", StoreTimings.Measure(lite, options.StoreCalls, 20));
                report.Store("PostgreSQL", StoreTimings.Measure(pg, options.StoreCalls, 20));
            }
        }
        var (serverMs, plan) = await PgExplain.MedianAsync(one, weekId, 20);
        report.StoreServer("PostgreSQL", serverMs, plan);

        var settings = fakes.BotSettings(fakes.WriteCertificates(root.Path));
        foreach (var (k, v) in shared) settings[k] = v;
        var logs = RepoPaths.Artifacts("bench/storage-logs");
        var token = fakes.Token();
        var submits = BenchActivities.ReportSubmits(fakes.Connector.ServiceUrl, BenchFakes.TenantId, BenchFakes.AppId, weekId, BenchWeek.TodayKey, editors);
        var staff = SampleStaff(week);
        var questions = BenchActivities.OfficeQuestions(fakes.Connector.ServiceUrl, BenchFakes.TenantId, BenchFakes.AppId, staff.Name, staff.AadObjectId);
        var smoke = new SmokeTest(fakes, token, submits, questions);
        foreach (var target in targets) await target.StartAsync(settings, logs);
        try
        {
            foreach (var target in targets)
            {
                if (await smoke.CheckAsync(target) is { } problem)
                {
                    await Console.Error.WriteLineAsync($"Bench setup is broken on {target.Name}: {problem}");
                    return 1;
                }
            }
            for (var r = 0; r < options.Rounds; r++)
            {
                // Rotated order: no target always runs first (cold) or last (after the others warmed the machine).
                foreach (var target in targets.Skip(r % targets.Length).Concat(targets.Take(r % targets.Length)))
                {
                    var s = await LoadRunner.RunAsync(target.Name, target.Urls, token, submits, options.Connections, options.Warmup, options.Duration);
                    var before = fakes.Connector.CallCount;
                    var q = await LoadRunner.RunAsync(target.Name, target.Urls, token, questions, options.Connections, options.Warmup, options.Duration);
                    report.Http(target, s, q, fakes.Connector.CallCount - before);
                    Console.WriteLine(Inv($"  round {r + 1} {target.Name,-13} submits {s.RequestsPerSecond,6:F0}/s p50 {s.P50Ms:F1} p99 {s.P99Ms:F1} ms, errors {s.Errors}; questions {q.RequestsPerSecond,6:F0}/s p50 {q.P50Ms:F1} p99 {q.P99Ms:F1} ms, errors {q.Errors}"));
                }
            }
        }
        finally
        {
            foreach (var target in targets) await target.StopAsync();
        }

        // Every answered submit is a stored version: counted in each target's own store after its bots stopped.
        foreach (var target in targets[..2])
        {
            using var stores = BenchStores.Open(target.Storage, BenchWeek.Now);
            report.Stored(target, stores.Versions() - seeded[target], smoke.Submitted.GetValueOrDefault(target.Name));
        }
        var table = report.Format();
        Console.WriteLine();
        Console.Write(table);
        if (options.ResultsFile is { } file) await File.WriteAllTextAsync(file, table);
        return report.Failed ? 1 : 0;
    }

    private static Dictionary<string, string> Storage(Dictionary<string, string> shared, string root, string folder, string? connectionString)
    {
        var storage = new Dictionary<string, string>(shared) { ["Storage:Directory"] = Directory.CreateDirectory(Path.Combine(root, folder)).FullName };
        if (connectionString is null) return storage;
        storage["Storage:Provider"] = "PostgreSql";
        storage["ConnectionStrings:VocEdWeek"] = connectionString;
        return storage;
    }

    /// <summary>The tests keep a small pool per database; a bot as deployed has Npgsql's default of 100 connections.</summary>
    private static string Deployed(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 100 }.ConnectionString;

    private static (string Name, string AadObjectId) SampleStaff(string weekFile)
    {
        var staff = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(weekFile))!["office"]!["staff"]![0]!;
        return (staff["name"]!.GetValue<string>(), staff["aadObjectId"]!.GetValue<string>());
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
