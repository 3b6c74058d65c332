using VocEdWeek.Bot.Outbox;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>The claims that let several workers share the jobs (see <see cref="IOutboxStore"/>), the start-up close of the instance's cut-off sends, and the sweep of a dead instance's.</summary>
public abstract partial class OutboxStoreContract
{
    [Fact]
    public void ClaimDue_claims_due_jobs_in_order_and_keeps_other_workers_off_them_until_the_lease_runs_out()
    {
        Store.Add(Job("b"));
        Store.Add(Job("a", priority: 0));
        Store.Add(Job("c"));
        Store.Add(Job("later", due: Nine.AddHours(1)));

        var first = Store.ClaimDue(Nine, 2, "one", Lease);

        Assert.Equal(["a", "b"], first.Select(j => j.Id));
        Assert.All(first, j => Assert.Equal(("one", Nine.UtcDateTime + Lease, OutboxState.Pending), (j.ClaimedBy, j.ClaimedUntil, j.State)));
        Assert.Equal(("one", Nine.UtcDateTime + Lease), (Store.Find("a")!.ClaimedBy, Store.Find("a")!.ClaimedUntil));
        // Another worker gets only what is left; the claimer itself may take its own again.
        Assert.Equal(["c"], Store.ClaimDue(Nine.AddSeconds(1), 10, "two", Lease).Select(j => j.Id));
        Assert.Empty(Store.ClaimDue(Nine.AddSeconds(1), 10, "three", Lease));
        Assert.Equal(["a", "b"], Store.ClaimDue(Nine.AddSeconds(1), 10, "one", Lease).Select(j => j.Id));
        // Once the lease has run out (the claimer died before sending), anyone takes them.
        var after = Nine.AddSeconds(1) + Lease;
        Assert.Equal(["a", "b", "c"], Store.ClaimDue(after, 10, "three", Lease).Select(j => j.Id));
        Assert.Equal("three", Store.Find("b")!.ClaimedBy);
    }

    [Fact]
    public void TryClaim_starts_the_send_once_and_only_on_a_pending_job_nobody_else_holds()
    {
        Store.Add(Job("held"));
        Store.ClaimDue(Nine, 10, "other", Lease);
        Store.Add(Job("free"));
        Store.Add(Job("done", state: OutboxState.Sent));

        var claimed = Store.TryClaim("free", "me", Nine.AddSeconds(1), Lease);

        Assert.Equal((OutboxState.Sending, "me", Nine.UtcDateTime.AddSeconds(1) + Lease, Nine.UtcDateTime.AddSeconds(1)),
            (claimed!.State, claimed.ClaimedBy, claimed.ClaimedUntil, claimed.UpdatedAt));
        Assert.Equal(OutboxState.Sending, Store.Find("free")!.State);
        Assert.Null(Store.TryClaim("free", "me", Nine.AddSeconds(2), Lease));
        Assert.Null(Store.TryClaim("free", "other", Nine.AddSeconds(2), Lease));
        Assert.Null(Store.TryClaim("done", "me", Nine.AddSeconds(2), Lease));
        Assert.Null(Store.TryClaim("missing", "me", Nine.AddSeconds(2), Lease));
        // Held by another instance's live claim: not until it runs out; the holder itself may.
        Assert.Null(Store.TryClaim("held", "me", Nine.AddSeconds(2), Lease));
        Assert.Null(Store.TryClaim("held", "me", Nine + Lease - TimeSpan.FromMilliseconds(1), Lease));
        Assert.Equal("me", Store.TryClaim("held", "me", Nine + Lease, Lease)?.ClaimedBy);
        Store.Add(Job("mine"));
        Store.ClaimDue(Nine.AddSeconds(3), 10, "other", Lease);
        Assert.Equal("other", Store.TryClaim("mine", "other", Nine.AddSeconds(4), Lease)?.ClaimedBy);
    }

    [Fact]
    public async Task Two_workers_claiming_200_due_jobs_at_once_get_disjoint_rounds_that_cover_them_all()
    {
        for (var i = 0; i < 200; i++) Store.Add(Job($"job|{i:D3}", priority: i % 2, created: Nine.AddMilliseconds(i)));
        var stores = new[] { Store, SecondWorker() };
        using var start = new Barrier(2);

        var rounds = await Task.WhenAll(stores.Select((store, n) => Task.Run(() =>
        {
            start.SignalAndWait();
            var mine = new List<string>();
            // As the outbox worker does: claim a round, then start each send (which takes the job out of the due ones).
            while (store.ClaimDue(Nine, 7, $"worker-{n}", Lease) is { Count: > 0 } round)
            {
                foreach (var job in round)
                {
                    Assert.NotNull(store.TryClaim(job.Id, $"worker-{n}", Nine, Lease));
                    mine.Add(job.Id);
                }
            }
            return mine;
        })));

        Assert.Empty(rounds[0].Intersect(rounds[1]));
        Assert.Equal(200, rounds[0].Count + rounds[1].Count);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"job|{i:D3}"), rounds.SelectMany(r => r).Order(StringComparer.Ordinal));
        Assert.Equal(200, Store.Count(OutboxState.Sending));
        Assert.All(Store.ByTopic("reminder"), j => Assert.Equal(rounds[0].Contains(j.Id) ? "worker-0" : "worker-1", j.ClaimedBy));
    }

    [Fact]
    public async Task Two_workers_starting_the_same_200_sends_at_once_start_each_exactly_once()
    {
        var ids = Enumerable.Range(0, 200).Select(i => $"job|{i:D3}").ToList();
        foreach (var id in ids) Store.Add(Job(id));
        var stores = new[] { Store, SecondWorker() };
        using var start = new Barrier(2);

        var started = await Task.WhenAll(stores.Select((store, n) => Task.Run(() =>
        {
            start.SignalAndWait();
            // One walks the jobs forwards, the other backwards: they meet in the middle and contend there.
            var order = n == 0 ? ids : ids.AsEnumerable().Reverse();
            return order.Where(id => store.TryClaim(id, $"worker-{n}", Nine, Lease) is not null).ToList();
        })));

        Assert.Empty(started[0].Intersect(started[1]));
        Assert.Equal(ids, started.SelectMany(s => s).Order(StringComparer.Ordinal));
        Assert.Equal(200, Store.Count(OutboxState.Sending));
    }

    [Fact]
    public void At_start_the_instances_own_send_under_way_is_closed_as_interrupted_at_once_and_nothing_else_changes()
    {
        Store.Add(Job("cut"));
        Store.Add(Job("pending"));
        Store.Add(Job("sent", state: OutboxState.Sent));
        Store.TryClaim("cut", Restarted, Nine, Lease);
        // Restarted within its lease: nobody else would take the job yet, and the instance itself knows it was cut off.
        Clock.Advance(TimeSpan.FromSeconds(10));

        var reopened = Reopen();

        var job = reopened.Find("cut")!;
        Assert.Equal((OutboxState.Failed, OutboxOutcome.Interrupted, Clock.GetUtcNow().UtcDateTime), (job.State, job.Outcome, job.UpdatedAt));
        Assert.Equal((OutboxState.Pending, OutboxOutcome.Queued), (reopened.Find("pending")!.State, reopened.Find("pending")!.Outcome));
        Assert.Equal(OutboxState.Sent, reopened.Find("sent")!.State);
        Assert.Equal(["pending"], reopened.Due(Clock.GetUtcNow(), 10).Select(j => j.Id));
    }

    [Fact]
    public void A_restarted_instance_takes_the_round_it_had_claimed_back_at_once()
    {
        Store.Add(Job("a"));
        Store.Add(Job("b"));
        Store.ClaimDue(Nine, 10, Restarted, Lease);
        Clock.Advance(TimeSpan.FromSeconds(10));

        var reopened = Reopen();

        Assert.Equal(["a", "b"], reopened.ClaimDue(Clock.GetUtcNow(), 10, Restarted, Lease).Select(j => j.Id));
    }

    [Fact]
    public void The_sweep_closes_sends_whose_claim_ran_out_as_interrupted_and_leaves_live_sends_and_claimed_rounds()
    {
        // The sweeping instance is running already (its own start-up is not what is tested here).
        var sweeper = SecondWorker();
        Store.Add(Job("dead"));
        Store.Add(Job("live"));
        Store.Add(Job("unclaimed-sending", state: OutboxState.Sending));
        Store.Add(Job("reserved"));
        Store.Add(Job("sent", state: OutboxState.Sent));
        Store.TryClaim("dead", "instance-a", Nine, Lease);
        Store.TryClaim("live", "instance-b", Nine.AddMinutes(1), Lease);
        Store.ClaimDue(Nine, 10, "instance-a", Lease);

        Assert.Equal(1, sweeper.InterruptExpired(Nine + Lease - TimeSpan.FromMilliseconds(1)));
        Assert.Equal(OutboxState.Sending, Store.Find("dead")!.State);
        var at = Nine + Lease;
        Assert.Equal(1, sweeper.InterruptExpired(at));

        foreach (var id in new[] { "dead", "unclaimed-sending" })
        {
            var job = Store.Find(id)!;
            Assert.Equal((OutboxState.Failed, OutboxOutcome.Interrupted), (job.State, job.Outcome));
        }
        Assert.Equal(at.UtcDateTime, Store.Find("dead")!.UpdatedAt);
        Assert.Equal((OutboxState.Sending, "instance-b"), (Store.Find("live")!.State, Store.Find("live")!.ClaimedBy));
        // A claimed round not yet started was never sent: it stays pending, for ClaimDue to take over, not interrupted.
        Assert.Equal((OutboxState.Pending, OutboxOutcome.Queued), (Store.Find("reserved")!.State, Store.Find("reserved")!.Outcome));
        Assert.Equal(OutboxState.Sent, Store.Find("sent")!.State);
        Assert.Equal(0, sweeper.InterruptExpired(at));
        Assert.Null(sweeper.TryClaim("dead", "instance-c", at, Lease));
    }
}
