using LiteDB;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Submissions;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Storage.LiteDb;

/// <summary>
/// The 12:00 rush on the store: many submits at once, awaited as turns await them (group commit), all in the file when
/// it is opened again — every slot's versions 1..n with the newest current, a card clicked twice stored once.
/// </summary>
public sealed class ConcurrentSubmitTests : IDisposable
{
    private readonly TempDir _dir = new();

    private StorageOptions Options => new() { Directory = _dir.Path };

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ConcurrentSubmits_AreEachStoredOnce_WithConsistentVersions_InTheReopenedFile()
    {
        const int departments = 8, cardsEach = 6;
        using (var db = new BotDatabase(Options))
        {
            var store = new LiteDbSubmissionStore(db);
            // Every card is submitted twice at the same moment (a double click): one of each pair must be a duplicate.
            var submits = Enumerable.Range(0, departments).SelectMany(d => Enumerable.Range(0, cardsEach).SelectMany(c => new[] { (d, c), (d, c) }))
                .Select(x => Task.Run(() => store.SubmitAsync(Candidate($"d{x.d}", $"card{x.c}"))))
                .ToList();
            var results = await Task.WhenAll(submits);

            Assert.Equal(departments * cardsEach, results.Count(r => !r.Duplicate));
            Assert.All(results.Where(r => r.Duplicate), r => Assert.Contains(results, o => !o.Duplicate && o.Stored.Id == r.Stored.Id));
        }

        using var reopened = new BotDatabase(Options);
        var all = reopened.Collection<Submission>("submissions").FindAll().ToList();
        Assert.Equal(departments * cardsEach, all.Count);
        // The file holds the versions and nothing says which is current (no flag written); the store reading it again says the newest.
        Assert.DoesNotContain(reopened.Collection<BsonDocument>("submissions").FindAll(), d => d.ContainsKey(nameof(Submission.IsCurrent)));
        var read = new LiteDbSubmissionStore(reopened);
        Assert.All(all.GroupBy(s => s.Slot), slot =>
        {
            Assert.Equal(Enumerable.Range(1, cardsEach), slot.Select(s => s.Version).Order());
            var first = slot.First();
            Assert.Equal(cardsEach, read.Current(first.WeekId, first.DepartmentId, first.ItemKey)!.Version);
            Assert.Equal(cardsEach, Assert.Single(read.History(first.WeekId, first.DepartmentId, first.ItemKey), s => s.IsCurrent).Version);
        });
    }

    private static Submission Candidate(string department, string card) => new()
    {
        WeekId = "2024-wuxi",
        DepartmentId = department,
        ItemKey = "report:2024-05-14",
        SubmittedAt = new DateTime(2024, 5, 14, 3, 59, 0, DateTimeKind.Utc),
        SubmittedByName = "张伟",
        IdempotencyKey = $"2024-wuxi|{department}|report:2024-05-14|{card}",
        Data = """{"story":"v"}""",
    };
}
