using LiteDB;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb;
using VocEdWeek.Bot.Storage.LiteDb.Submissions;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.LiteDb;

/// <summary>
/// The LiteDB store knows each slot's current version and every key from memory (SubmissionHeads), read from the file:
/// a file written by the store before (with its WeekId, IdempotencyKey and CurrentSlot indexes) is read right at once —
/// numbered on, its keys still duplicates, the old indexes gone — a key stored before a restart is still a duplicate, and
/// submits joined into a caller's transaction are known once it commits and forgotten when it rolls back.
/// </summary>
public sealed class SubmissionFileTests : IDisposable
{
    private const string Week = "2024-wuxi", Item = "report:2024-05-14";
    private readonly TempDir _dir = new();

    private StorageOptions Options => new() { Directory = _dir.Path };

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AFileFromBefore_IsNumberedOn_ItsKeysStillDuplicates_AndItsOldIndexesDropped()
    {
        using (var db = new BotDatabase(Options))
        {
            // Three versions as the store wrote them before, with the indexes it kept then.
            var old = db.Collection<Submission>("submissions");
            old.EnsureIndex(x => x.WeekId);
            old.EnsureIndex(x => x.IdempotencyKey);
            old.EnsureIndex(x => x.Slot);
            old.EnsureIndex("CurrentSlot", BsonExpression.Create("IIF($.IsCurrent = true, $.Slot, null)"));
            foreach (var v in new[] { 1, 2, 3 }) old.Insert(Version(v, current: v == 3));
        }

        using var reopened = new BotDatabase(Options);
        var store = new LiteDbSubmissionStore(reopened);
        Assert.Equal(3, store.Current(Week, "jd", Item)!.Version);

        var (again, duplicate) = store.Submit(Version(0, current: false, card: 2));
        var (stored, _) = store.Submit(Version(0, current: false));

        Assert.True(duplicate);
        Assert.Equal(2, again.Version);
        Assert.Equal(4, stored.Version);
        Assert.Equal(4, store.Current(Week, "jd", Item)!.Version);
        Assert.Equal([1, 2, 3, 4], store.History(Week, "jd", Item).Select(h => h.Version));
        Assert.Single(store.History(Week, "jd", Item), h => h.IsCurrent);
        var indexes = reopened.Collection<BsonDocument>("$indexes").Find("collection = 'submissions'").Select(i => i["name"].AsString);
        Assert.Equal(["Slot", "_id"], indexes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AKeyStoredBeforeARestart_IsStillADuplicate_AnsweredWithTheStoredVersion()
    {
        string id;
        using (var db = new BotDatabase(Options))
        {
            (var first, _) = new LiteDbSubmissionStore(db).Submit(Version(0, current: false, card: 7));
            id = first.Id;
        }

        using var reopened = new BotDatabase(Options);
        var store = new LiteDbSubmissionStore(reopened);
        var (stored, duplicate) = store.Submit(Version(0, current: false, card: 7));

        Assert.True(duplicate);
        Assert.Equal((id, 1, true), (stored.Id, stored.Version, stored.IsCurrent));
        Assert.Single(store.History(Week, "jd", Item));
    }

    [Fact]
    public void SubmitsInsideAnAtomicWrite_StandOrFallWithIt_AndMemoryFollowsWhichever()
    {
        using var db = new BotDatabase(Options);
        var store = new LiteDbSubmissionStore(db);
        var writes = new LiteDbAtomicWrites(db);

        Assert.Throws<InvalidOperationException>(() => writes.Atomically(() =>
        {
            Assert.Equal((1, false), Numbered(store.Submit(Version(0, current: false, card: 1))));
            Assert.Equal((2, false), Numbered(store.Submit(Version(0, current: false, card: 2))));
            throw new InvalidOperationException("rolled back");
        }));

        Assert.Empty(store.History(Week, "jd", Item));
        Assert.Empty(store.Times(Week));
        writes.Atomically(() =>
        {
            Assert.Equal((1, false), Numbered(store.Submit(Version(0, current: false, card: 1))));
            Assert.Equal((2, false), Numbered(store.Submit(Version(0, current: false, card: 2))));
            Assert.Equal((1, true), Numbered(store.Submit(Version(0, current: false, card: 1))));
        });
        Assert.Equal((3, false), Numbered(store.Submit(Version(0, current: false, card: 3))));
        Assert.Equal([1, 2, 3], store.History(Week, "jd", Item).Select(h => h.Version));
        Assert.Equal(3, store.Times(Week)[("jd", Item)].Versions);
    }

    private static (int Version, bool Duplicate) Numbered((Submission Stored, bool Duplicate) result) => (result.Stored.Version, result.Duplicate);

    internal static Submission Version(int version, bool current, int? card = null) => new()
    {
        Id = version == 0 ? "" : ObjectId.NewObjectId().ToString(),
        WeekId = Week,
        DepartmentId = "jd",
        ItemKey = Item,
        Version = version,
        IsCurrent = current,
        SubmittedAt = new DateTime(2024, 5, 14, 3, version, 0, DateTimeKind.Utc),
        SubmittedByName = "张伟",
        IdempotencyKey = $"{Week}|jd|{Item}|card{card?.ToString() ?? (version == 0 ? Guid.NewGuid().ToString("N") : version.ToString())}",
        Data = """{"story":"v"}""",
    };
}
