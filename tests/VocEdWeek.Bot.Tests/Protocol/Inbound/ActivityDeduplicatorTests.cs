using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Platform;
using VocEdWeek.Bot.Protocol;
using VocEdWeek.Bot.Storage.LiteDb.Inbound;

namespace VocEdWeek.Bot.Tests.Protocol.Inbound;

/// <summary>
/// The de-duplication window on a fake clock: a copy inside the 15 minutes gets the first delivery's answer and runs
/// nothing, one after them runs again; finished activities are kept compactly and leave with their window.
/// </summary>
public sealed class ActivityDeduplicatorTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 4, 20, 3, 0, 0, TimeSpan.Zero));
    private int runs;

    private ActivityDeduplicator Dedup(IOnceClaims? claims = null) =>
        new(clock, claims ?? new LiteDbOnceClaims(), NullLogger<ActivityDeduplicator>.Instance);

    private Task<string> Run(ActivityDeduplicator dedup, string key) =>
        dedup.RunOnceAsync(key, () => Task.FromResult($"answer {Interlocked.Increment(ref runs)}"), () => "elsewhere");

    [Fact]
    public async Task The_same_id_inside_the_window_gets_the_first_answer_and_runs_nothing()
    {
        var dedup = Dedup();
        Assert.Equal("answer 1", await Run(dedup, "msteams|a:1|message|1"));
        clock.Advance(ActivityDeduplicator.Window - TimeSpan.FromSeconds(1));
        Assert.Equal("answer 1", await Run(dedup, "msteams|a:1|message|1"));
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task The_same_id_after_the_window_runs_again()
    {
        var dedup = Dedup();
        await Run(dedup, "msteams|a:1|message|1");
        clock.Advance(ActivityDeduplicator.Window + TimeSpan.FromSeconds(1));
        Assert.Equal("answer 2", await Run(dedup, "msteams|a:1|message|1"));
        // And that second run has its own window.
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("answer 2", await Run(dedup, "msteams|a:1|message|1"));
    }

    [Fact]
    public async Task Ids_differing_only_in_one_part_are_different_activities()
    {
        var dedup = Dedup();
        string[] keys = ["msteams|a:1|message|1", "msteams|a:1|message|2", "msteams|a:2|message|1", "msteams|a:1|invoke|1", "msteams|a:1|message|1 "];
        foreach (var key in keys) await Run(dedup, key);
        Assert.Equal(keys.Length, runs);
    }

    [Fact]
    public async Task A_copy_arriving_while_the_first_runs_awaits_its_answer()
    {
        var dedup = Dedup();
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = dedup.RunOnceAsync("k", () => { runs++; return release.Task; }, () => "elsewhere");
        var copy = dedup.RunOnceAsync("k", () => { runs++; return Task.FromResult("second run"); }, () => "elsewhere");
        Assert.False(copy.IsCompleted);
        Assert.Equal((1, 0), dedup.Tracked);
        release.SetResult("first");
        Assert.Equal("first", await first);
        Assert.Equal("first", await copy);
        Assert.Equal(1, runs);
        Assert.Equal((0, 1), dedup.Tracked);
    }

    [Fact]
    public async Task A_failed_first_delivery_fails_its_copies_the_same_way_without_running_again()
    {
        var dedup = Dedup();
        var first = dedup.RunOnceAsync<string>("k", () => { runs++; throw new InvalidOperationException("boom"); }, () => "elsewhere");
        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        var copy = dedup.RunOnceAsync("k", () => { runs++; return Task.FromResult("second run"); }, () => "elsewhere");
        Assert.Equal("boom", (await Assert.ThrowsAsync<InvalidOperationException>(() => copy)).Message);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Finished_activities_leave_with_their_window_so_memory_follows_the_last_15_minutes()
    {
        var dedup = Dedup();
        for (var i = 0; i < 5_000; i++) await Run(dedup, $"msteams|a:{i % 100}|message|{i}");
        Assert.Equal((0, 5_000), dedup.Tracked);
        clock.Advance(ActivityDeduplicator.Window + ActivityDeduplicator.Window / 8 + TimeSpan.FromSeconds(1));
        for (var i = 0; i < 1_000; i++) await Run(dedup, $"msteams|a:{i % 100}|message|new{i}");
        Assert.Equal((0, 1_000), dedup.Tracked);
    }

    [Fact]
    public async Task A_key_another_instance_claimed_is_answered_from_there_and_copies_get_the_same()
    {
        var shared = new RememberingClaims();
        await Run(Dedup(shared), "k");
        var other = Dedup(shared);
        Assert.Equal("elsewhere", await Run(other, "k"));
        Assert.Equal("elsewhere", await Run(other, "k"));
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Across_a_restart_on_LiteDB_the_window_starts_empty_as_before()
    {
        // One LiteDB process: its window lives in memory (a restart forgets it, as it always did); PostgreSQL's claims
        // outlive a restart (the test above, with claims shared by two deduplicators).
        await Run(Dedup(), "k");
        Assert.Equal("answer 2", await Run(Dedup(), "k"));
    }

    private sealed class RememberingClaims : IOnceClaims
    {
        private readonly HashSet<string> claimed = [];

        public bool TryClaim(string key)
        {
            lock (claimed) return claimed.Add(key);
        }

        public void Forget(TimeSpan age)
        {
        }
    }
}
