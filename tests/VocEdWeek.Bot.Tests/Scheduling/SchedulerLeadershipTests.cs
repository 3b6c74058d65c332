using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Scheduling;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.Scheduling;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;
using static VocEdWeek.Bot.Tests.Fakes.DeliveryWorld;

namespace VocEdWeek.Bot.Tests.Scheduling;

/// <summary>
/// One scheduler leader among instances on one PostgreSQL database (each instance its own <see cref="PgDatabase"/>, as
/// separate processes have): exactly one leads, a dead leader is replaced at a follower's next retry (the retry loop waits
/// on the test's clock), and a scheduler that does not lead runs no slot. On LiteDB the one process always leads.
/// </summary>
public sealed class SchedulerLeadershipTests : IDisposable
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);
    private readonly List<IDisposable> _owned = [];
    private readonly CapturingLoggerProvider _logs = new();

    private PgSchedulerLeadership Instance(string connectionString, string name)
    {
        var db = new PgDatabase(connectionString);
        var leadership = new PgSchedulerLeadership(db, new InstanceName(name), new LoggerFactory([_logs]).CreateLogger<PgSchedulerLeadership>());
        // Disposed in reverse: the leadership (its own connection) before its database.
        _owned.Add(db);
        _owned.Add(leadership);
        return leadership;
    }

    /// <summary>Ends the leader's session as a crash would, and waits (on the server) until PostgreSQL has ended it.</summary>
    private static void TerminateLeaderConnection(string connectionString)
    {
        using var admin = new PgDatabase(connectionString);
        var killed = admin.Scalar<long>("""
            SELECT count(pg_terminate_backend(pid, 60000)) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """);
        Assert.Equal(1, killed);
    }

    [Fact]
    public async Task Of_two_instances_exactly_one_leads_even_when_both_try_at_once()
    {
        var connectionString = await PostgresCluster.CreateDatabaseAsync();
        var a = Instance(connectionString, "a");
        var b = Instance(connectionString, "b");

        var tries = await Task.WhenAll(Task.Run(a.TryLead), Task.Run(b.TryLead));

        Assert.Single(tries, t => t);
        Assert.Single(new[] { a, b }, l => l.IsLeader);
        // Asking again changes nothing: the leader stays, the follower stays out.
        Assert.Equal(tries, new[] { a.TryLead(), b.TryLead() });
        var leader = a.IsLeader ? "a" : "b";
        Assert.Single(_logs.Entries, e => e.Message == $"Instance {leader} took over scheduling");
    }

    [Fact]
    public async Task When_the_leaders_connection_dies_a_follower_takes_over_at_its_next_retry_and_the_old_leader_steps_down()
    {
        var connectionString = await PostgresCluster.CreateDatabaseAsync();
        var a = Instance(connectionString, "a");
        var b = Instance(connectionString, "b");
        Assert.True(a.TryLead());
        var clock = new WatchedTimeProvider(Beijing(5, 14, 9, 0));
        using var retry = new PgLeaderRetry(b, new SchedulingOptions { LeaderRetry = Retry }, clock);
        var waiting = clock.TimerArmed(Retry);
        await retry.StartAsync(CancellationToken.None);
        await waiting.WaitAsync(HangGuard.Limit);
        Assert.False(b.IsLeader);

        TerminateLeaderConnection(connectionString);
        Assert.False(b.IsLeader); // nothing happens until the follower's next retry
        var next = clock.TimerArmed(Retry);
        clock.Advance(Retry);
        await next.WaitAsync(HangGuard.Limit);

        Assert.True(b.IsLeader);
        Assert.Contains(_logs.Entries, e => e.Message == "Instance b took over scheduling");
        // The old leader learns at its own next check that it lost the lock, and does not get it back.
        Assert.True(a.IsLeader);
        Assert.False(a.TryLead());
        Assert.False(a.IsLeader);
        Assert.Contains(_logs.Entries, e => e.Message.StartsWith("Instance a lost its scheduling connection", StringComparison.Ordinal));
        Assert.False(a.TryLead()); // on a new connection now: b holds the lock
        Assert.True(b.TryLead());
        await retry.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_leader_that_stops_gives_the_lead_back_at_once()
    {
        var connectionString = await PostgresCluster.CreateDatabaseAsync();
        var a = Instance(connectionString, "a");
        var b = Instance(connectionString, "b");
        Assert.True(a.TryLead());
        Assert.False(b.TryLead());

        a.Dispose();

        Assert.True(b.TryLead());
        Assert.False(a.IsLeader);
    }

    [Fact]
    public async Task A_scheduler_that_does_not_lead_runs_no_slot_and_runs_it_once_it_leads()
    {
        const string NineOClock = "2024-wuxi|remind|2024-05-14T09:00";
        var connectionString = await PostgresCluster.CreateDatabaseAsync();
        var leader = Instance(connectionString, "a");
        Assert.True(leader.TryLead());
        using var world = new DeliveryWorld(Beijing(5, 14, 9, 0, 5));
        world.EveryoneTalked();
        var scheduler = new Scheduler(world.Get<WeekCatalog>(), world.Get<IEnumerable<ISlotSource>>(), world.Get<IScheduleWindow>(),
            world.Get<ISlotStore>(), world.Get<SchedulingOptions>(), world.Clock, NullLogger<Scheduler>.Instance, Instance(connectionString, "b"));

        Assert.Empty(await scheduler.RunDueAsync(world.Clock.GetUtcNow()));
        await world.DrainAsync();
        Assert.False(world.Get<ISlotStore>().IsDone(NineOClock));
        Assert.Empty(world.Messenger.Sent);

        leader.Dispose();

        Assert.Contains(NineOClock, await scheduler.RunDueAsync(world.Clock.GetUtcNow()));
        await world.DrainAsync();
        Assert.Equal(3, world.Messenger.Sent.Count);
    }

    [Fact]
    public async Task On_LiteDb_the_one_process_always_leads()
    {
        using var world = new DeliveryWorld(Beijing(5, 14, 9, 0, 5), new() { ["Storage:Provider"] = "LiteDb" });
        world.EveryoneTalked();

        var leadership = Assert.IsType<LiteDbSchedulerLeadership>(world.Get<ISchedulerLeadership>());

        Assert.True(leadership.IsLeader);
        Assert.Contains("2024-wuxi|remind|2024-05-14T09:00", await world.TickAsync());
    }

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned)) owned.Dispose();
    }
}
