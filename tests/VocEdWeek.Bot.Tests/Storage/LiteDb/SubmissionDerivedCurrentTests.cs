using LiteDB;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Submissions;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.LiteDb;

/// <summary>
/// A submit writes its version and nothing else: the current version is each slot's newest, derived on every read. A
/// file from before (versions demoted as the next came, the newest flagged current) and one written now read the same
/// through every reader, before and after a further submit (which leaves the old file with a stale flag), whether the
/// heads are known yet or not; many versions of one slot in one batch leave exactly one current.
/// </summary>
public sealed class SubmissionDerivedCurrentTests : IDisposable
{
    private const string Week = "2024-wuxi", Report = "report:2024-05-14";
    private static readonly (string Department, string Item, int Versions)[] Slots = [("jd", Report, 3), ("jd", "plan", 1), ("ys", Report, 2)];
    private readonly TempDir _before = new(), _now = new();

    public void Dispose()
    {
        _before.Dispose();
        _now.Dispose();
    }

    [Fact]
    public void AFileFromBefore_AndAFileWrittenNow_ReadTheSame_ThroughEveryReader()
    {
        using (var db = new BotDatabase(new StorageOptions { Directory = _before.Path }))
        {
            // As the store wrote them before: every version with its flag, the ones before the newest demoted.
            var old = db.Collection<Submission>("submissions");
            foreach (var (department, item, versions) in Slots)
                for (var v = 1; v <= versions; v++) old.Insert(Version(department, item, v, current: v == versions));
        }
        using (var db = new BotDatabase(new StorageOptions { Directory = _now.Path }))
        {
            var store = new LiteDbSubmissionStore(db);
            foreach (var (department, item, versions) in Slots)
                for (var v = 1; v <= versions; v++) Assert.Equal(v, store.Submit(Version(department, item, v, current: false)).Stored.Version);
        }

        using var before = new BotDatabase(new StorageOptions { Directory = _before.Path });
        using var now = new BotDatabase(new StorageOptions { Directory = _now.Path });
        var (oldStore, newStore) = (new LiteDbSubmissionStore(before), new LiteDbSubmissionStore(now));
        // Read before any submit (no heads known: the versions say), then after one (the heads say).
        Assert.Equal(Reads(oldStore), Reads(newStore));
        Assert.Equal(3, oldStore.Submit(Version("ys", Report, 3, current: false)).Stored.Version);
        Assert.Equal(3, newStore.Submit(Version("ys", Report, 3, current: false)).Stored.Version);
        Assert.Equal(Reads(oldStore), Reads(newStore));
        Assert.Contains(Reads(oldStore), r => r.StartsWith("ys|3|True|", StringComparison.Ordinal));
        Assert.Contains(Reads(oldStore), r => r.StartsWith("ys|2|False|", StringComparison.Ordinal));

        // The old file keeps its stale flag on version 2, version 3 has none; neither is believed.
        var raw = before.Collection<BsonDocument>("submissions").Find(BsonExpression.Create("Slot = @0", Submission.SlotOf(Week, "ys", Report)))
            .ToDictionary(d => d["Version"].AsInt32, d => d.TryGetValue(nameof(Submission.IsCurrent), out var flag) ? flag.AsBoolean : (bool?)null);
        Assert.Equal(new Dictionary<int, bool?> { [1] = false, [2] = true, [3] = null }, raw);
    }

    [Fact]
    public async Task ManyVersionsOfASlotInOneBatch_LeaveOneCurrent_TheNewest_ForEveryReader()
    {
        using (var db = new BotDatabase(new StorageOptions { Directory = _now.Path }))
        {
            var store = new LiteDbSubmissionStore(db);
            store.Submit(Version("jd", Report, 1, current: false));
            var batch = await SubmissionBatchTests.InOneBatch(store, [.. Enumerable.Range(2, 7).Select(v => Version("jd", Report, v, current: false))]);

            Assert.Equal(Enumerable.Range(2, 7), batch.Select(b => b.Stored.Version));
            AssertOneCurrent(store, 8);
            Assert.DoesNotContain(db.Collection<BsonDocument>("submissions").FindAll(), d => d.ContainsKey(nameof(Submission.IsCurrent)));
        }

        using var reopened = new BotDatabase(new StorageOptions { Directory = _now.Path });
        AssertOneCurrent(new LiteDbSubmissionStore(reopened), 8);
    }

    private static void AssertOneCurrent(LiteDbSubmissionStore store, int newest)
    {
        var history = store.History(Week, "jd", Report);
        Assert.Equal(newest, Assert.Single(history, h => h.IsCurrent).Version);
        Assert.Equal(newest, history[^1].Version);
        Assert.Equal([newest], history.Where(h => store.Find(h.Id)!.IsCurrent).Select(h => h.Version));
        Assert.Equal(newest, store.Current(Week, "jd", Report)!.Version);
        Assert.Equal([(newest, true)], store.CurrentOfDepartment(Week, "jd").Select(s => (s.Version, s.IsCurrent)));
        Assert.Equal((newest, newest), (store.Summaries(Week)[("jd", Report)].Current.Version, store.Summaries(Week)[("jd", Report)].Versions));
        Assert.Equal(newest, store.Times(Week)[("jd", Report)].Versions);
    }

    // Everything a reader answers, ids left out (the two files' versions have their own ids; Find is asked by each).
    private static List<string> Reads(LiteDbSubmissionStore store)
    {
        var reads = new List<string>();
        foreach (var (department, item, _) in Slots)
        {
            var history = store.History(Week, department, item);
            reads.AddRange(history.Select(h => $"{department}|{h.Version}|{h.IsCurrent}|{h.SubmittedAt:O}|{h.Data}"));
            reads.AddRange(history.Select(h => $"find {department} {item} {h.Version} {store.Find(h.Id)!.IsCurrent}"));
            reads.Add($"current {department} {item} {store.Current(Week, department, item)?.Version}");
        }
        foreach (var department in new[] { "jd", "ys", "sj" })
            reads.AddRange(store.CurrentOfDepartment(Week, department).Select(s => $"of {department}: {s.ItemKey} {s.Version} {s.IsCurrent}"));
        reads.AddRange(store.Summaries(Week).OrderBy(p => p.Key).Select(p =>
            $"summary {p.Key} {p.Value.Current.Version} {p.Value.Current.IsCurrent} {p.Value.FirstSubmittedAt:O} {p.Value.Versions}"));
        reads.AddRange(store.Times(Week).OrderBy(p => p.Key).Select(p => $"times {p.Key} {p.Value}"));
        return reads;
    }

    internal static Submission Version(string department, string item, int version, bool current) => new()
    {
        Id = ObjectId.NewObjectId().ToString(),
        WeekId = Week,
        DepartmentId = department,
        ItemKey = item,
        Version = version,
        IsCurrent = current,
        SubmittedAt = new DateTime(2024, 5, 14, 3, version, 0, DateTimeKind.Utc),
        SubmittedByName = "张伟",
        IdempotencyKey = $"{Week}|{department}|{item}|card{version}",
        Data = $$"""{"story":"v{{version}}"}""",
    };
}
