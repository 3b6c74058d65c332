using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Bench.Office;

/// <summary>
/// The 12:00 rush's writes beside the staff's questions: <c>writers</c> loops, each storing a new version of a random
/// department's report of the day (each with its own card id) as the submit button does, one after another, for as
/// long as the answers are timed. Shows whether an answer waits for the store's writers or their commits.
/// </summary>
public sealed class BackgroundSubmits(ISubmissionStore store, ActiveWeek week, WeekItem item, DateTimeOffset now, int writers) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task[] _loops = [];
    private long _written;

    public long Written => Interlocked.Read(ref _written);

    public void Start()
    {
        if (writers <= 0) return;
        _loops = Enumerable.Range(0, writers).Select(w => Task.Run(() => LoopAsync(w))).ToArray();
    }

    private async Task LoopAsync(int writer)
    {
        var random = new Random(writer);
        var departments = week.Definition.Departments;
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            var department = departments[random.Next(departments.Count)];
            await store.SubmitAsync(new Submission
            {
                WeekId = week.Definition.Id,
                DepartmentId = department.Id,
                ItemKey = item.Key,
                SubmittedAt = now.UtcDateTime,
                SubmittedByName = department.Liaisons[0].Name,
                SubmittedByAadObjectId = department.Liaisons[0].AadObjectId,
                SubmittedByTeamsId = $"29:{department.Id}",
                IdempotencyKey = $"bench-writer-{writer}-{n}",
                Data = """{"newActivities":"专题讲座","participants":"180"}""",
            });
            Interlocked.Increment(ref _written);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        _stop.Dispose();
    }
}
