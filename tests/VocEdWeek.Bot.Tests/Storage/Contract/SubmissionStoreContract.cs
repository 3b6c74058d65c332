using VocEdWeek.Bot.Submissions;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// What every <see cref="ISubmissionStore"/> does, whichever database keeps it: one subclass per implementation supplies an
/// empty store (<see cref="LiteDbSubmissionStoreContract"/>, <see cref="PostgreSqlSubmissionStoreContract"/>). This file:
/// versions, the current flag, duplicates and concurrent submits; the reads of a week and exemptions are in
/// SubmissionStoreContract.Reads.cs.
/// </summary>
public abstract partial class SubmissionStoreContract
{
    private ISubmissionStore? _store;

    /// <summary>An empty store, asked for once per test.</summary>
    protected abstract ISubmissionStore NewStore();

    private ISubmissionStore Store => _store ??= NewStore();

    private const string Week = "2024-wuxi";

    // Milliseconds at most: LiteDB keeps no finer time.
    private static readonly DateTime Nine = new(2024, 5, 14, 1, 0, 0, 125, DateTimeKind.Utc);

    private static Submission Candidate(string department = "jd", string item = "report:2024-05-14", string? key = null,
        DateTime? at = null, string data = """{"story":"v"}""", string week = Week) => new()
    {
        WeekId = week,
        DepartmentId = department,
        ItemKey = item,
        SubmittedAt = at ?? Nine,
        SubmittedByName = "张伟",
        SubmittedByAadObjectId = "00000000-0000-4000-8000-000000000001",
        SubmittedByTeamsId = "29:zhangwei",
        IdempotencyKey = key,
        Data = data,
    };

    [Fact]
    public void A_first_submit_is_version_1_current_and_read_back_as_stored()
    {
        var (stored, duplicate) = Store.Submit(Candidate(key: "k1"));

        Assert.False(duplicate);
        Assert.Equal((1, true), (stored.Version, stored.IsCurrent));
        Assert.False(string.IsNullOrEmpty(stored.Id));
        foreach (var read in new[] { Store.Find(stored.Id)!, Store.Current(Week, "jd", "report:2024-05-14")!, Assert.Single(Store.History(Week, "jd", "report:2024-05-14")) })
        {
            Assert.Equal((stored.Id, Week, "jd", "report:2024-05-14", 1, true), (read.Id, read.WeekId, read.DepartmentId, read.ItemKey, read.Version, read.IsCurrent));
            Assert.Equal((Nine, "张伟", "00000000-0000-4000-8000-000000000001", "29:zhangwei", "k1"),
                (read.SubmittedAt, read.SubmittedByName, read.SubmittedByAadObjectId, read.SubmittedByTeamsId, read.IdempotencyKey));
            Assert.True(SameJson("""{"story":"v"}""", read.Data));
        }
    }

    [Fact]
    public void Nothing_handed_in_reads_as_nothing()
    {
        Store.Submit(Candidate(department: "other"));

        Assert.Empty(Store.History(Week, "jd", "plan"));
        Assert.Null(Store.Current(Week, "jd", "plan"));
        Assert.Null(Store.Find("000000000000000000000000"));
        Assert.Empty(Store.CurrentOfDepartment(Week, "jd"));
        Assert.Empty(Store.Summaries("2025-other"));
        Assert.Empty(Store.Times("2025-other"));
        Assert.Empty(Store.Exemptions(Week));
        Assert.False(Store.RemoveExemption(Week, "jd", "plan"));
    }

    [Fact]
    public void Each_new_version_is_numbered_on_and_alone_current_history_oldest_first()
    {
        var first = Store.Submit(Candidate(at: Nine, data: """{"n":1}""")).Stored;
        var second = Store.Submit(Candidate(at: Nine.AddMinutes(5), data: """{"n":2}""")).Stored;
        var third = Store.Submit(Candidate(at: Nine.AddMinutes(9), data: """{"n":3}""")).Stored;

        Assert.Equal([1, 2, 3], new[] { first, second, third }.Select(s => s.Version));
        Assert.Equal(3, new[] { first.Id, second.Id, third.Id }.Distinct().Count());
        var history = Store.History(Week, "jd", "report:2024-05-14");
        Assert.Equal([(1, false), (2, false), (3, true)], history.Select(h => (h.Version, h.IsCurrent)));
        Assert.Equal([Nine, Nine.AddMinutes(5), Nine.AddMinutes(9)], history.Select(h => h.SubmittedAt));
        Assert.Equal(third.Id, Store.Current(Week, "jd", "report:2024-05-14")!.Id);
        Assert.False(Store.Find(first.Id)!.IsCurrent);
        Assert.True(SameJson("""{"n":3}""", Store.Current(Week, "jd", "report:2024-05-14")!.Data));
    }

    [Fact]
    public void Slots_are_numbered_apart_by_week_department_and_item()
    {
        Store.Submit(Candidate());
        Store.Submit(Candidate());

        Assert.Equal(1, Store.Submit(Candidate(department: "jd2")).Stored.Version);
        Assert.Equal(1, Store.Submit(Candidate(item: "report:2024-05-15")).Stored.Version);
        Assert.Equal(1, Store.Submit(Candidate(week: "2025-wuxi")).Stored.Version);
        Assert.Equal(3, Store.Submit(Candidate()).Stored.Version);
    }

    [Fact]
    public void The_same_idempotency_key_again_stores_nothing_and_answers_the_first()
    {
        var first = Store.Submit(Candidate(key: "card-1", data: """{"n":1}""")).Stored;

        var (again, duplicate) = Store.Submit(Candidate(key: "card-1", at: Nine.AddMinutes(1), data: """{"n":2}"""));
        // The key decides even when the second click names another slot.
        var (elsewhere, duplicateElsewhere) = Store.Submit(Candidate(item: "plan", key: "card-1"));

        Assert.True(duplicate && duplicateElsewhere);
        Assert.Equal((first.Id, 1, Nine), (again.Id, again.Version, again.SubmittedAt));
        Assert.True(SameJson("""{"n":1}""", again.Data));
        Assert.Equal(first.Id, elsewhere.Id);
        Assert.Single(Store.History(Week, "jd", "report:2024-05-14"));
        Assert.Empty(Store.History(Week, "jd", "plan"));
    }

    [Fact]
    public void Submits_without_a_key_are_never_duplicates_and_other_keys_make_new_versions()
    {
        Assert.False(Store.Submit(Candidate()).Duplicate);
        Assert.False(Store.Submit(Candidate()).Duplicate);
        Assert.False(Store.Submit(Candidate(key: "card-1")).Duplicate);
        Assert.False(Store.Submit(Candidate(key: "card-2")).Duplicate);

        Assert.Equal([1, 2, 3, 4], Store.History(Week, "jd", "report:2024-05-14").Select(h => h.Version));
    }

    [Fact]
    public void Concurrent_submits_of_one_slot_get_versions_1_to_N_with_exactly_one_current()
    {
        const int n = 24;
        var stored = AllAtOnce(n, i => Store.Submit(Candidate(at: Nine.AddSeconds(i), data: $$"""{"n":{{i}}}""")).Stored);

        Assert.Equal(Enumerable.Range(1, n), stored.Select(s => s.Version).Order());
        var history = Store.History(Week, "jd", "report:2024-05-14");
        Assert.Equal(Enumerable.Range(1, n), history.Select(h => h.Version));
        var current = Assert.Single(history, h => h.IsCurrent);
        Assert.Equal(n, current.Version);
        Assert.Equal(current.Id, Store.Current(Week, "jd", "report:2024-05-14")!.Id);
        Assert.Equal(n, Store.Times(Week)[("jd", "report:2024-05-14")].Versions);
    }

    [Fact]
    public void Concurrent_clicks_on_one_card_store_it_once()
    {
        const int n = 12;
        var answers = AllAtOnce(n, i => Store.Submit(Candidate(key: "card-x", data: $$"""{"n":{{i}}}""")));

        Assert.Single(answers, a => !a.Duplicate);
        Assert.Single(answers.Select(a => a.Stored.Id).Distinct());
        Assert.Equal([(1, true)], Store.History(Week, "jd", "report:2024-05-14").Select(h => (h.Version, h.IsCurrent)));
    }

    /// <summary>
    /// Runs <paramref name="n"/> calls on threads of their own, released together by a barrier (the thread pool of a
    /// two-core machine would otherwise run them nearly one after another). The store is made first, on this thread.
    /// </summary>
    private T[] AllAtOnce<T>(int n, Func<int, T> call)
    {
        _ = Store;
        using var start = new Barrier(n);
        var results = new T[n];
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, n).Select(i => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                results[i] = call(i);
            }
            catch (Exception ex)
            {
                errors.Enqueue(ex);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        Assert.All(threads, t => Assert.True(t.Join(Fakes.HangGuard.Limit), "a submit hung"));
        Assert.Empty(errors);
        return results;
    }

    private static bool SameJson(string expected, string actual) =>
        System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(expected), System.Text.Json.Nodes.JsonNode.Parse(actual));
}
