using System.Diagnostics;
using System.Security.Cryptography;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Office;
using Xunit.Abstractions;

namespace VocEdWeek.Bot.Tests.Operations.Migrate;

/// <summary>
/// Issue 13, Must show 3: <c>migrate-storage</c>, run as the built program, moves a 1,000-department week with media and
/// outbox history into a fresh PostgreSQL database and verifies every collection; a second run adds nothing; the bot then
/// started on PostgreSQL answers every progress question, the dashboard and each status exactly as the LiteDB bot did.
/// Writes what it measured to artifacts/migrate-storage/large-week.md.
/// </summary>
public sealed class MigrateLargeWeekTests(ITestOutputHelper log) : IDisposable
{
    private const int Departments = 1000;

    private static readonly string[] Collections =
    [
        "conversations", "settings", "users", "upload_acknowledgements", "weeks", "settingslog", "settingspending", "setuppending",
        "exports", "picks", "submissions", "exemptions", "media", "outbox", "reminder_log", "schedule_slots",
    ];

    private readonly LargeWeekWorld _lite = new(Departments);
    private readonly string _connection = PostgresCluster.CreateDatabaseAsync().GetAwaiter().GetResult();

    public void Dispose() => _lite.Dispose();

    [Fact]
    public async Task AThousandDepartmentWeek_MovesOverVerified_AndTheBotOnPostgreSql_AnswersTheSameProgress()
    {
        var lite = _lite.Bot.Get<BotDatabase>().Database;
        var counts = Collections.ToDictionary(c => c, c => lite.CollectionExists(c) ? lite.GetCollection(c).Count() : 0);
        var environment = new Dictionary<string, string> { ["Storage__Directory"] = _lite.StoppedDirectory, ["ConnectionStrings__VocEdWeek"] = _connection };

        var watch = Stopwatch.StartNew();
        var (code, output, error) = await BotProcess.RunMigrateStorageAsync(environment);
        var took = watch.Elapsed;
        log.WriteLine($"week written: {string.Join(", ", _lite.BuildTimes)}; migrate-storage took {took.TotalSeconds:F1} s\n{output}");

        Assert.True(code == 0, output + error);
        foreach (var (table, count) in counts)
        {
            Assert.True(count > 0, $"the generated week has no {table}");
            Assert.Matches($@"verify  {table} +{count} rows  sha256 [0-9a-f]{{16}}  OK", output);
        }
        Assert.Contains($"Copied {counts.Values.Sum()} records.", output);
        Assert.Contains("Verified: all 16 collections hold the same records in PostgreSQL as in LiteDB.", output);
        using var db = new PgDatabase(_connection);
        Assert.Equal(counts, Collections.ToDictionary(c => c, c => (int)db.Scalar<long>($"SELECT count(*) FROM {c}")));

        var (again, secondOutput, secondError) = await BotProcess.RunMigrateStorageAsync(environment);
        Assert.True(again == 0, secondOutput + secondError);
        Assert.Contains("Nothing new to copy: PostgreSQL already held every record.", secondOutput);
        Assert.Contains("Verified: all 16 collections", secondOutput);
        foreach (var (table, count) in counts) Assert.Matches($@"copy    {table} +{count} records, +0 added, +{count} already there", secondOutput);
        Assert.Equal(counts, Collections.ToDictionary(c => c, c => (int)db.Scalar<long>($"SELECT count(*) FROM {c}")));

        // The bot on PostgreSQL, on the stopped folder (its received files), at the same instant as the LiteDB bot.
        using var onPg = new OfficeWorld(LargeWeekWorld.Now, Departments, settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:Directory"] = _lite.StoppedDirectory,
            ["ConnectionStrings:VocEdWeek"] = _connection,
            ["Links:SigningKey"] = TestStorage.NewSigningKey(),
        });
        foreach (var question in ProgressAnswers.Questions)
        {
            var before = await ProgressAnswers.AnswerAsync(_lite.Bot, question);
            Assert.True(before.Length > 200, $"'{question}' got only: {before}");
            Assert.Equal(before, await ProgressAnswers.AnswerAsync(onPg, question));
        }
        var dashboard = ProgressAnswers.Dashboard(_lite.Bot);
        Assert.Equal(dashboard, ProgressAnswers.Dashboard(onPg));
        Assert.Equal(ProgressAnswers.Statuses(_lite.Bot), ProgressAnswers.Statuses(onPg));
        AssertFilesReadable(onPg);
        log.WriteLine($"answers compared at {watch.Elapsed.TotalSeconds:F1} s");

        var sizes = (Lite: new FileInfo(_lite.DatabaseFile).Length, Pg: db.Scalar<long>("SELECT pg_database_size(current_database())"));
        Report(took, counts, sizes);
    }

    /// <summary>Every stored file the PostgreSQL records name is in the folder, with the size and SHA-256 they say.</summary>
    private void AssertFilesReadable(OfficeWorld onPg)
    {
        var stored = onPg.Get<IMediaStore>().ForWeek(onPg.WeekId).Where(m => m.State == MediaState.Stored).ToList();
        Assert.Equal(_lite.MediaFiles, stored.Count);
        var files = onPg.Get<IFileStore>();
        foreach (var record in stored)
        {
            using var stream = files.OpenRead(record.Location);
            var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            Assert.Equal((record.Size, record.Sha256), (bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray()))));
        }
    }

    private void Report(TimeSpan took, Dictionary<string, int> counts, (long Lite, long Pg) sizes)
    {
        var lines = new List<string>
        {
            $"# migrate-storage of a {Departments:N0}-department week",
            "",
            $"week written through the LiteDB stores: {string.Join(", ", _lite.BuildTimes)}",
            "",
            $"migration (the built program, one run, wall clock): {took.TotalSeconds:F1} s; rows: {counts.Values.Sum():N0}; "
                + $"LiteDB file {sizes.Lite / 1024.0 / 1024:F1} MiB; PostgreSQL database {sizes.Pg / 1024.0 / 1024:F1} MiB; files {_lite.MediaFiles:N0}",
            "",
            "| collection | rows |",
            "| --- | ---: |",
        };
        lines.AddRange(counts.Select(c => $"| {c.Key} | {c.Value:N0} |"));
        File.WriteAllLines(Path.Combine(RepoPaths.Artifacts("migrate-storage"), "large-week.md"), lines);
        foreach (var line in lines) log.WriteLine(line);
    }
}
