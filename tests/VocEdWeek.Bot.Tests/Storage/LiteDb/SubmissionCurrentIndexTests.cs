using LiteDB;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Submissions;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.LiteDb;

/// <summary>
/// The LiteDB store finds a slot's current version through an index of its own (one document, not every version): the
/// index is there and used, and a file written before it existed is read right at once — its current versions found, the
/// next submit numbered on from them.
/// </summary>
public sealed class SubmissionCurrentIndexTests : IDisposable
{
    private const string Week = "2024-wuxi", Item = "report:2024-05-14";
    private readonly TempDir _dir = new();

    private StorageOptions Options => new() { Directory = _dir.Path };

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TheCurrentVersion_IsFoundThroughItsIndex()
    {
        using var db = new BotDatabase(Options);
        _ = new LiteDbSubmissionStore(db);

        var plan = db.Collection<Submission>("submissions").Query().Where(LiteDbSubmissionStore.CurrentOf(Week, "jd", Item)).GetPlan();

        Assert.Equal("CurrentSlot", plan["index"]["name"].AsString);
    }

    [Fact]
    public void AFileFromBeforeTheIndex_HasItsCurrentVersionsFound_AndTheNextSubmitNumberedOn()
    {
        using (var db = new BotDatabase(Options))
        {
            // Three versions as the store wrote them before: no CurrentSlot index in the file.
            var old = db.Collection<Submission>("submissions");
            foreach (var v in new[] { 1, 2, 3 }) old.Insert(Version(v, current: v == 3));
        }

        using var reopened = new BotDatabase(Options);
        var store = new LiteDbSubmissionStore(reopened);
        Assert.Equal(3, store.Current(Week, "jd", Item)!.Version);

        var (stored, duplicate) = store.Submit(Version(0, current: false));

        Assert.False(duplicate);
        Assert.Equal(4, stored.Version);
        Assert.Equal(4, store.Current(Week, "jd", Item)!.Version);
        Assert.Equal([1, 2, 3, 4], store.History(Week, "jd", Item).Select(h => h.Version));
        Assert.Single(store.History(Week, "jd", Item), h => h.IsCurrent);
    }

    private static Submission Version(int version, bool current) => new()
    {
        Id = version == 0 ? "" : ObjectId.NewObjectId().ToString(),
        WeekId = Week,
        DepartmentId = "jd",
        ItemKey = Item,
        Version = version,
        IsCurrent = current,
        SubmittedAt = new DateTime(2024, 5, 14, 3, version, 0, DateTimeKind.Utc),
        SubmittedByName = "张伟",
        IdempotencyKey = $"{Week}|jd|{Item}|card{version}",
        Data = """{"story":"v"}""",
    };
}
