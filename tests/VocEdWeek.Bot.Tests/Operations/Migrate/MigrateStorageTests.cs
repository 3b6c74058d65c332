using Microsoft.Extensions.Logging.Abstractions;
using VocEdWeek.Bot.Features.DigestChannel;
using VocEdWeek.Bot.Features.UploadPage;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Operations.Migrate;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Storage.LiteDb.Migrate;
using VocEdWeek.Bot.Storage.Migrate;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.DigestChannel;
using VocEdWeek.Bot.Storage.PostgreSql.Files;
using VocEdWeek.Bot.Storage.PostgreSql.Migrate;
using VocEdWeek.Bot.Storage.PostgreSql.Outbox;
using VocEdWeek.Bot.Storage.PostgreSql.Recommendations;
using VocEdWeek.Bot.Storage.PostgreSql.Submissions;
using VocEdWeek.Bot.Storage.PostgreSql.UploadPage;
using VocEdWeek.Bot.Storage.PostgreSql.Weeks;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Tests.Features.Office;

namespace VocEdWeek.Bot.Tests.Operations.Migrate;

/// <summary>
/// Issue 13 "Moving over": <c>migrate-storage</c> copies a real LiteDB week into a fresh PostgreSQL database on the test
/// cluster, verifies it, adds nothing on a second run, notices a changed row, and the bot on PostgreSQL then answers
/// progress exactly as it did on LiteDB.
/// </summary>
public sealed class MigrateStorageTests : IDisposable
{
    private static readonly string[] Collections =
    [
        "conversations", "settings", "users", "upload_acknowledgements", "weeks", "settingslog", "settingspending", "setuppending",
        "exports", "picks", "submissions", "exemptions", "media", "outbox", "reminder_log", "schedule_slots",
    ];

    private readonly LiteDbWeekWorld _lite = new();
    private readonly string _connection = PostgresCluster.CreateDatabaseAsync().GetAwaiter().GetResult();

    public void Dispose() => _lite.Dispose();

    private async Task<(int Code, string Output, string Error)> Migrate(string directory)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await MigrateStorageCommand.RunAsync(
            ["migrate-storage", $"--Storage:Directory={directory}", $"--ConnectionStrings:VocEdWeek={_connection}"], output, error);
        return (code, output.ToString(), error.ToString());
    }

    private PgDatabase Pg() => new(_connection);

    private static long Count(PgDatabase db, string table) => db.Scalar<long>($"SELECT count(*) FROM {table}");

    [Fact]
    public async Task CopiesEveryCollection_FieldByField_AndVerifies()
    {
        var file = Path.Combine(_lite.StoppedDirectory, "vocedweek.db");
        var before = File.ReadAllBytes(file);

        var (code, output, error) = await Migrate(_lite.StoppedDirectory);

        Assert.True(code == 0, output + error);
        Assert.Contains("Verified: all 16 collections", output);
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.False(File.Exists(Path.Combine(_lite.StoppedDirectory, "vocedweek-log.db")));
        using var db = Pg();
        foreach (var table in Collections) Assert.True(Count(db, table) > 0, $"{table} is empty after the copy:\n{output}");
        Assert.Equal(4, Count(db, "submissions"));
        Assert.Equal(5, Count(db, "media"));
        Assert.Equal(2, Count(db, "settingslog"));

        var history = new PgSubmissionStore(db).History(_lite.Bot.WeekId, "jd", LiteDbWeekWorld.Today.Key);
        var liteHistory = _lite.Bot.Store.History(_lite.Bot.WeekId, "jd", LiteDbWeekWorld.Today.Key);
        Assert.Equal(liteHistory.Select(s => (s.Id, s.Version, s.IsCurrent, s.SubmittedAt, s.SubmittedByName)), history.Select(s => (s.Id, s.Version, s.IsCurrent, s.SubmittedAt, s.SubmittedByName)));
        Assert.Equal("实习", new PgSubmissionStore(db).Exemptions(_lite.Bot.WeekId)[("sj", LiteDbWeekWorld.Today.Key)].Reason);

        // A nomination and a withdrawn pick come over field by field, the withdrawn one kept with who and when.
        var picks = new PgPickStore(db).All(_lite.Bot.WeekId);
        Assert.Equal(_lite.Bot.Get<VocEdWeek.Bot.Recommendations.IPickStore>().All(_lite.Bot.WeekId).Select(Fields), picks.Select(Fields));
        Assert.Equal(("王强", LiteDbWeekWorld.At.AddMinutes(2)), (picks[1].WithdrawnByName, picks[1].WithdrawnAt));

        var setting = new PgSettingsStore(db).Find("digest.channel")!;
        Assert.Equal(("19:new@thread", "19:old@thread", "吴苏玲"), (setting.Value, setting.Previous!.Value, setting.Previous.ChangedByName));
        Assert.Equal(LiteDbWeekWorld.At, setting.Previous.ChangedAt);

        var sent = new PgOutboxStore(db, new InstanceName("migrate-check"), TimeProvider.System).Find("remind:1")!;
        Assert.Equal((OutboxState.Sent, OutboxOutcome.Delivered, "张伟", LiteDbWeekWorld.At), (sent.State, sent.Outcome, sent.Recipient.Name, sent.SentAt));
        Assert.Equal(LiteDbWeekWorld.Today.Key, Assert.Single(sent.ItemKeys));

        var media = new PgMediaStore(db);
        var uploaded = Assert.Single(media.RecentlyUploaded(_lite.Bot.WeekId, 5));
        Assert.Equal(_lite.Bot.Get<IMediaStore>().RecentlyUploaded(_lite.Bot.WeekId, 5).Single().Id, uploaded.Id);
        Assert.Equal(("a.jpg", LiteDbWeekWorld.At.AddMinutes(1)), (uploaded.FileName, uploaded.RemoteUploadedAt));

        // The old entry's count of 0 ("all of it") is the batch's three stored files; a counted one stays as it was.
        var acknowledgements = new PgUploadAcknowledgementStore(db);
        Assert.Equal(3, acknowledgements.Find(_lite.OldAcknowledgedBatch)!.Count);
        Assert.Equal(2, acknowledgements.Find(_lite.BatchOfTwo)!.Count);
        var log = new PgSettingsLogStore(db).For(_lite.Bot.WeekId);
        Assert.Equal(["exempt", "name"], log.Select(e => e.Kind).Order());
        Assert.Matches("^[0-9a-f]{24}$", log.Single(e => e.Kind == "name").Id);
    }

    [Fact]
    public async Task TheBuiltProgram_RunsTheCommand_FromItsConfiguration()
    {
        var (code, output, error) = await BotProcess.RunMigrateStorageAsync(new()
        {
            ["Storage__Directory"] = _lite.StoppedDirectory,
            ["ConnectionStrings__VocEdWeek"] = _connection,
        });

        Assert.True(code == 0, output + error);
        Assert.Contains("Verified: all 16 collections", output);
        var (without, _, refusal) = await BotProcess.RunMigrateStorageAsync(new() { ["Storage__Directory"] = _lite.StoppedDirectory });
        Assert.Equal(2, without);
        Assert.Contains("ConnectionStrings:VocEdWeek must be set", refusal);
    }

    [Fact]
    public async Task SecondRun_AddsNothing_AndSaysSo()
    {
        Assert.Equal(0, (await Migrate(_lite.StoppedDirectory)).Code);
        using var db = Pg();
        var before = Collections.Select(t => Count(db, t)).ToList();

        var (code, output, _) = await Migrate(_lite.StoppedDirectory);

        Assert.Equal(0, code);
        Assert.Contains("Nothing new to copy", output);
        Assert.Equal(before, Collections.Select(t => Count(db, t)).ToList());
    }

    [Fact]
    public async Task ChangedRow_FailsVerification_NamingItsCollection()
    {
        Assert.Equal(0, (await Migrate(_lite.StoppedDirectory)).Code);
        using (var db = Pg()) db.Execute("UPDATE submissions SET submitted_by_name = '别人' WHERE id = (SELECT min(id) FROM submissions)");

        var (code, output, _) = await Migrate(_lite.StoppedDirectory);

        Assert.Equal(1, code);
        Assert.Contains("NOT verified: submissions differ", output);
        Assert.Contains("verify  conversations", output);
        Assert.DoesNotContain("conversations            DIFFERS", output);
    }

    [Fact]
    public void CopyThatLeavesRecordsBehind_IsNotVerified()
    {
        using var source = LiteDbRecordSource.Open(Path.Combine(_lite.StoppedDirectory, "vocedweek.db"));
        using var db = PgDatabase.OpenMigrated(_connection, NullLogger<PgMigrations>.Instance);
        var output = new StringWriter();

        Assert.False(StorageMigration.Run(source, new LeavingOneBehind(new PgCopyTarget(db), "outbox"), output));
        Assert.Matches("verify  outbox +DIFFERS: LiteDB 2 records, 1 rows", output.ToString());
        Assert.Contains("NOT verified: outbox differ", output.ToString());
    }

    /// <summary>The real target, one table's copy losing its first record: what a filter slipped into PgCopyTables would do.</summary>
    private sealed class LeavingOneBehind(ICopyTarget real, string table) : ICopyTarget
    {
        public IReadOnlyList<CopyTable> Tables { get; } = real.Tables.Select(t => t.Name == table ? t with { Rows = s => t.Rows(s).Skip(1) } : t).ToList();

        public T InOneTransaction<T>(Func<ICopyWriter, T> work) => real.InOneTransaction(work);

        public IReadOnlyList<object?[]> Read(CopyTable t) => real.Read(t);
    }

    [Fact]
    public async Task RunningBot_IsRefused_AndNothingIsCopied()
    {
        var (code, _, error) = await Migrate(_lite.Bot.StorageDirectory);

        Assert.Equal(1, code);
        Assert.Contains("stop it first", error);
        using var db = Pg();
        Assert.Empty(db.Query("SELECT tablename FROM pg_tables WHERE tablename = 'submissions'", r => r.GetString(0)));
    }

    [Fact]
    public async Task UnknownCollection_StopsBeforeCopying()
    {
        using (var extra = new LiteDB.LiteDatabase(Path.Combine(_lite.StoppedDirectory, "vocedweek.db")))
            extra.GetCollection("mystery").Insert(new LiteDB.BsonDocument { ["_id"] = "x" });

        var (code, _, error) = await Migrate(_lite.StoppedDirectory);

        Assert.Equal(1, code);
        Assert.Contains("cannot copy: mystery", error);
        using var db = Pg();
        Assert.Equal(0, Count(db, "submissions"));
    }

    [Fact]
    public async Task BotOnPostgreSql_AnswersProgress_AsOnLiteDb()
    {
        Assert.Equal(0, (await Migrate(_lite.StoppedDirectory)).Code);
        using var onPg = new OfficeWorld(FormsWorld.Beijing(2024, 5, 14, 13, 0), settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:VocEdWeek"] = _connection,
            ["Links:SigningKey"] = TestStorage.NewSigningKey(),
        });

        Assert.Equal(Progress(_lite.Bot), Progress(onPg));
        Assert.Contains(Progress(onPg), p => p.Contains("jd|") && p.Contains("OnTime"));
        var answer = await Answer(onPg);
        Assert.Contains("建筑工程学院", answer);
        Assert.Equal(await Answer(_lite.Bot), answer);
    }

    private static List<string> Progress(OfficeWorld world)
    {
        var progress = world.Get<ProgressService>().ForWeek(world.Week);
        return world.Week.Calendar.Items.SelectMany(item => world.Week.Definition.Departments.Select(d => progress.Department(d, item)))
            .Select(p => $"{p.Department.Id}|{p.Item.Key}|{p.Status}|{p.FirstSubmittedAt}|{p.LastSubmittedAt}|{p.Overdue}").ToList();
    }

    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static async Task<string> Answer(OfficeWorld world) =>
        string.Join("\n", (await world.SayAsync(OfficeWorld.Staff, "今天谁还没报送")).Select(m => m.Text + string.Join("", m.Cards.Select(c => c.ToJsonString(Readable)))));

    private static object Fields(VocEdWeek.Bot.Recommendations.Pick p) =>
        (p.Id, p.Source, p.DepartmentId, p.ItemKey, p.Kind, p.MediaId, p.Reason, p.ByName, p.ByAadObjectId, p.At, p.WithdrawnAt, p.WithdrawnByName);
}
