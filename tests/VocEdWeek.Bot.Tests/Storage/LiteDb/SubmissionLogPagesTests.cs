using LiteDB;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Submissions;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;
using Xunit.Abstractions;

namespace VocEdWeek.Bot.Tests.Storage.LiteDb;

/// <summary>
/// What a batch of 8 submits writes to the log (every page of it written, fsynced and copied again at checkpoint): the
/// store's batch against the same 8 writes plus the demote of each slot's version before (what a submit did until session
/// 10), on slots whose versions before lie on 8 different data pages, as in the 12:00 rush. Pages, not time.
/// </summary>
public sealed class SubmissionLogPagesTests(ITestOutputHelper output) : IDisposable
{
    private const string Week = "2024-wuxi", Item = "report:2024-05-14";
    private const int Slots = 400, Spacing = 50;
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ABatchOf8Submits_WritesFewerLogPages_ThanWithTheDemotes()
    {
        var options = new StorageOptions { Directory = _dir.Path };
        using var db = new BotDatabase(options);
        db.Database.CheckpointSize = 0; // the log only grows: its length is what was written
        var store = new LiteDbSubmissionStore(db);
        for (var d = 0; d < Slots; d++) await store.SubmitAsync(Candidate(d));

        var before = db.LogLength;
        await SubmissionBatchTests.InOneBatch(store, [.. Enumerable.Range(0, 8).Select(i => Candidate(i * Spacing))]);
        var now = (db.LogLength - before) / 8192;

        // The same 8 writes as before session 10, on 8 other slots: each demotes its slot's version 1 and inserts version 2.
        var versions = db.Collection<Submission>("submissions");
        var docs = db.Collection<BsonDocument>("submissions");
        before = db.LogLength;
        db.Database.BeginTrans();
        foreach (var d in Enumerable.Range(0, 8).Select(i => i * Spacing + 1))
        {
            var head = versions.FindOne(BsonExpression.Create("Slot = @0", Submission.SlotOf(Week, $"d{d:D3}", Item)));
            docs.UpdateMany(BsonExpression.Create("{IsCurrent: false}"), BsonExpression.Create("_id = @0", head.Id));
            var next = Candidate(d);
            (next.Id, next.Version, next.IsCurrent) = (ObjectId.NewObjectId().ToString(), 2, true);
            versions.Insert(next);
        }
        await db.CommitDurably().AsTask();
        var demoting = (db.LogLength - before) / 8192;

        output.WriteLine($"a batch of 8 submits: {now} log pages; with the demotes: {demoting}");
        Assert.True(now + 4 <= demoting, $"{now} pages now, {demoting} with the demotes");
    }

    private static Submission Candidate(int department) => new()
    {
        WeekId = Week,
        DepartmentId = $"d{department:D3}",
        ItemKey = Item,
        SubmittedAt = new DateTime(2024, 5, 14, 3, 59, 0, DateTimeKind.Utc),
        SubmittedByName = "张伟",
        IdempotencyKey = Guid.NewGuid().ToString("N"),
        Data = """{"story":"今天机电工程学院开展了职业体验日活动，共接待中小学生120人次。","visitors":"120","events":"3"}""",
    };
}
