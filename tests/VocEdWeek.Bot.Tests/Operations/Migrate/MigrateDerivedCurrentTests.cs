using VocEdWeek.Bot.Operations.Migrate;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Submissions;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.Submissions;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Storage.LiteDb;

namespace VocEdWeek.Bot.Tests.Operations.Migrate;

/// <summary>
/// A LiteDB file whose versions do not say which is current (written since a submit writes nothing but its version),
/// with one slot begun before (demoted versions and a flag that is stale once the next version came), moves to
/// PostgreSQL with exactly one current version per slot, its newest, and reads there as it did on LiteDB.
/// </summary>
public sealed class MigrateDerivedCurrentTests : IDisposable
{
    private const string Week = "2024-wuxi", Report = "report:2024-05-14";
    private readonly TempDir _dir = new();
    private readonly string _connection = PostgresCluster.CreateDatabaseAsync().GetAwaiter().GetResult();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task EachSlot_ArrivesWithOneCurrentVersion_ItsNewest()
    {
        List<string> lite;
        using (var db = new BotDatabase(new StorageOptions { Directory = _dir.Path }))
        {
            var old = db.Collection<Submission>("submissions");
            foreach (var v in new[] { 1, 2 }) old.Insert(SubmissionDerivedCurrentTests.Version("ys", Report, v, current: v == 2));
            var store = new LiteDbSubmissionStore(db);
            store.Submit(SubmissionDerivedCurrentTests.Version("ys", Report, 3, current: false));
            foreach (var v in new[] { 1, 2, 3, 4 }) store.Submit(SubmissionDerivedCurrentTests.Version("jd", Report, v, current: false));
            store.Submit(SubmissionDerivedCurrentTests.Version("jd", "plan", 1, current: false));
            lite = Read(store);
        }

        var output = new StringWriter();
        var code = await MigrateStorageCommand.RunAsync(
            ["migrate-storage", $"--Storage:Directory={_dir.Path}", $"--ConnectionStrings:VocEdWeek={_connection}"], output, new StringWriter());

        Assert.True(code == 0, output.ToString());
        using var pg = new PgDatabase(_connection);
        var current = pg.Query("SELECT department_id, item_key, version FROM submissions WHERE is_current ORDER BY 1, 2",
            r => $"{r.GetString(0)} {r.GetString(1)} {r.GetInt32(2)}");
        Assert.Equal(["jd plan 1", $"jd {Report} 4", $"ys {Report} 3"], current);
        Assert.Equal(lite, Read(new PgSubmissionStore(pg)));
    }

    private static List<string> Read(ISubmissionStore store) =>
    [
        .. new[] { ("jd", Report), ("jd", "plan"), ("ys", Report) }.SelectMany(s => store.History(Week, s.Item1, s.Item2))
            .Select(h => $"{h.Id} {h.Slot} {h.Version} {h.IsCurrent} {h.SubmittedAt:O}"),
        .. store.CurrentOfDepartment(Week, "jd").Select(s => $"of jd {s.Id} {s.IsCurrent}").Order(StringComparer.Ordinal),
        .. store.Times(Week).Select(p => $"times {p.Key} {p.Value}").Order(StringComparer.Ordinal),
    ];
}
