using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Outbox;

namespace VocEdWeek.Bot.Tests.Storage.Contract;

/// <summary>
/// What every <see cref="IOutboxStore"/> does, whichever database keeps it: one subclass per implementation supplies an
/// empty store, the same database opened again (a restart) and a second instance on it
/// (<see cref="LiteDbOutboxStoreContract"/>, <see cref="PostgreSqlOutboxStoreContract"/>).
/// </summary>
public abstract class OutboxStoreContract
{
    protected static readonly DateTimeOffset Nine = new(2024, 5, 14, 1, 0, 0, TimeSpan.Zero);
    protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private IOutboxStore? _store;

    protected FakeTimeProvider Clock { get; } = new(Nine);

    /// <summary>An empty store, asked for once per test (its clock is <see cref="Clock"/>).</summary>
    protected abstract IOutboxStore NewStore();

    /// <summary>The process starts again: a new store over the same database, at <see cref="Clock"/>'s time.</summary>
    protected abstract IOutboxStore Reopen();

    /// <summary>Another worker on the same jobs: another thread of this process (LiteDB) or another instance (PostgreSQL).</summary>
    protected abstract IOutboxStore SecondWorker();

    protected IOutboxStore Store => _store ??= NewStore();

    protected static OutboxJob Job(string id, DateTimeOffset? due = null, int priority = 1, DateTimeOffset? created = null, string topic = "reminder",
        OutboxState state = OutboxState.Pending) => new()
    {
        Id = id, Topic = topic, Priority = priority, Recipient = new OutboxRecipient { AadObjectId = $"aad-{id}", Name = "张伟" },
        Payload = OutboxPayload.Serialize(OutgoingMessage.FromText($"请提交日报 {id}")), State = state, Outcome = OutboxOutcome.Queued,
        NextAttemptAt = (due ?? Nine).UtcDateTime, CreatedAt = (created ?? Nine).UtcDateTime, UpdatedAt = (created ?? Nine).UtcDateTime,
    };

    [Fact]
    public void A_job_is_found_as_it_was_added_and_a_missing_key_is_null()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard", ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "張偉老師：請提交「日報」\n截止 12:00", ["size"] = 1.5 }),
        };
        var message = new OutgoingMessage { Text = "催报 \"日报\"", Summary = "请提交", Alert = true, Cards = [card], Mentions = [new Mention("29:zw", "张伟")] };
        var job = new OutboxJob
        {
            Id = "remind|2024-wuxi|remind|2024-05-14T09:00|jd|aad-1", Topic = "reminder", Priority = 0,
            Recipient = new OutboxRecipient { AadObjectId = "aad-1", UserId = "29:zw", Email = "ZhangWei@College.example.edu.cn", Name = "张伟", TenantId = "t-1", ServiceUrl = "https://smba.example/" },
            Payload = OutboxPayload.Serialize(message), WeekId = "2024-wuxi", DepartmentId = "jd", ItemKeys = ["report:2024-05-14", "plan"],
            State = OutboxState.Pending, Outcome = OutboxOutcome.Queued, OutcomeDetail = "detail", Attempts = 2,
            NextAttemptAt = Nine.UtcDateTime.AddSeconds(30.5), CreatedAt = Nine.UtcDateTime, UpdatedAt = Nine.UtcDateTime.AddMilliseconds(7),
            SentAt = Nine.UtcDateTime.AddMinutes(1), ConversationId = "a:1", ActivityId = "m-1", ClaimedBy = "host/1", ClaimedUntil = Nine.UtcDateTime.AddMinutes(2),
        };

        var (stored, isNew) = Store.Add(job);

        Assert.True(isNew);
        Assert.Same(job, stored);
        Assert.Null(Store.Find("remind|nobody"));
        var found = Store.Find(job.Id)!;
        Assert.Equal((job.Topic, job.Priority, job.WeekId, job.DepartmentId, job.State, job.Outcome, job.OutcomeDetail, job.Attempts),
            (found.Topic, found.Priority, found.WeekId, found.DepartmentId, found.State, found.Outcome, found.OutcomeDetail, found.Attempts));
        Assert.Equal(job.ItemKeys, found.ItemKeys);
        Assert.Equal((job.NextAttemptAt, job.CreatedAt, job.UpdatedAt, job.SentAt, job.ClaimedUntil),
            (found.NextAttemptAt, found.CreatedAt, found.UpdatedAt, found.SentAt, found.ClaimedUntil));
        Assert.All(new[] { found.NextAttemptAt, found.CreatedAt, found.UpdatedAt, found.SentAt!.Value }, d => Assert.Equal(DateTimeKind.Utc, d.Kind));
        Assert.Equal((job.ConversationId, job.ActivityId, job.ClaimedBy), (found.ConversationId, found.ActivityId, found.ClaimedBy));
        var to = found.Recipient;
        Assert.Equal(("aad-1", "29:zw", "ZhangWei@College.example.edu.cn", "张伟", "t-1", "https://smba.example/", "aad-1"),
            (to.AadObjectId, to.UserId, to.Email, to.Name, to.TenantId, to.ServiceUrl, to.Key));
        Assert.Null(to.ConversationId);
        // The payload is the same JSON (a database may store it in its own form) and the same message.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(job.Payload), JsonNode.Parse(found.Payload)));
        var back = OutboxPayload.Deserialize(found.Payload);
        Assert.Equal((message.Text, message.Summary, message.Alert), (back.Text, back.Summary, back.Alert));
        Assert.True(JsonNode.DeepEquals(card, back.Cards.Single()));
        Assert.Equal(message.Mentions, back.Mentions);
    }

    [Fact]
    public void Adding_a_key_again_returns_the_stored_job_untouched()
    {
        Store.Add(Job("k"));
        var again = Job("k", priority: 0, topic: "digest");
        again.Payload = OutboxPayload.Serialize(OutgoingMessage.FromText("第二次"));

        var (stored, isNew) = Store.Add(again);

        Assert.False(isNew);
        Assert.NotSame(again, stored);
        Assert.Equal(("reminder", 1), (stored.Topic, stored.Priority));
        Assert.Equal("请提交日报 k", OutboxPayload.Deserialize(stored.Payload).Text);
        Assert.Equal("请提交日报 k", OutboxPayload.Deserialize(Store.Find("k")!.Payload).Text);
        Assert.Equal(1, Store.Count(OutboxState.Pending));
    }

    [Fact]
    public void Update_writes_the_job_as_it_is_now()
    {
        var job = Job("u");
        Store.Add(job);
        job.State = OutboxState.Sent;
        job.Outcome = OutboxOutcome.Delivered;
        job.Attempts = 1;
        job.SentAt = Nine.UtcDateTime.AddSeconds(2);
        job.ActivityId = "m-9";
        job.ItemKeys = ["report:2024-05-15"];
        job.Recipient = OutboxRecipient.Conversation("19:office@thread.tacv2", "教务处");

        Store.Update(job);

        var found = Store.Find("u")!;
        Assert.Equal((OutboxState.Sent, OutboxOutcome.Delivered, 1, Nine.UtcDateTime.AddSeconds(2), "m-9"),
            (found.State, found.Outcome, found.Attempts, found.SentAt, found.ActivityId));
        Assert.Equal(["report:2024-05-15"], found.ItemKeys);
        Assert.Equal(("19:office@thread.tacv2", "教务处", null), (found.Recipient.ConversationId, found.Recipient.Name, found.Recipient.AadObjectId));
    }

    [Fact]
    public void Due_lists_pending_jobs_whose_time_has_come_most_urgent_then_oldest_then_by_key()
    {
        Store.Add(Job("b-late-created", created: Nine.AddSeconds(5)));
        Store.Add(Job("z-urgent", priority: 0, created: Nine.AddSeconds(9)));
        Store.Add(Job("c-same-time", created: Nine));
        Store.Add(Job("a-same-time", created: Nine));
        Store.Add(Job("not-yet", due: Nine.AddSeconds(1)));
        Store.Add(Job("sent", state: OutboxState.Sent));
        Store.Add(Job("sending", state: OutboxState.Sending));

        Assert.Equal(["z-urgent", "a-same-time", "c-same-time", "b-late-created"], Store.Due(Nine, 10).Select(j => j.Id));
        Assert.Equal(["z-urgent", "a-same-time"], Store.Due(Nine, 2).Select(j => j.Id));
        Assert.Contains("not-yet", Store.Due(Nine.AddSeconds(1), 10).Select(j => j.Id));
        Assert.Empty(Store.Due(Nine.AddSeconds(-1), 10));
    }

    [Fact]
    public void NextDue_is_when_the_earliest_pending_job_falls_due()
    {
        Assert.Null(Store.NextDue());
        Store.Add(Job("sent-earlier", due: Nine.AddMinutes(-5), state: OutboxState.Sent));
        Store.Add(Job("later", due: Nine.AddMinutes(10)));
        Store.Add(Job("sooner", due: Nine.AddMinutes(3)));

        Assert.Equal(Nine.UtcDateTime.AddMinutes(3), Store.NextDue());
        Assert.Equal(DateTimeKind.Utc, Store.NextDue()!.Value.Kind);
    }

    [Fact]
    public void DueBacklog_counts_the_due_pending_jobs_and_the_oldest_due_time()
    {
        Assert.Equal((0, (DateTime?)null), Store.DueBacklog(Nine));
        Store.Add(Job("due-1", due: Nine.AddMinutes(-7)));
        Store.Add(Job("due-2", due: Nine.AddMinutes(-1)));
        Store.Add(Job("future", due: Nine.AddMinutes(1)));
        Store.Add(Job("failed", due: Nine.AddMinutes(-30), state: OutboxState.Failed));

        Assert.Equal((2, (DateTime?)Nine.UtcDateTime.AddMinutes(-7)), Store.DueBacklog(Nine));
        Assert.Equal((3, (DateTime?)Nine.UtcDateTime.AddMinutes(-7)), Store.DueBacklog(Nine.AddMinutes(1)));
    }

    [Fact]
    public void ByTopic_and_Count_select_by_topic_and_by_state()
    {
        Store.Add(Job("r1"));
        Store.Add(Job("r2", state: OutboxState.Sent));
        Store.Add(Job("d1", topic: "digest", state: OutboxState.Sent));
        Store.Add(Job("n1", topic: "notice", state: OutboxState.Gone));

        Assert.Equal(["r1", "r2"], Store.ByTopic("reminder").Select(j => j.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["d1"], Store.ByTopic("digest").Select(j => j.Id));
        Assert.Empty(Store.ByTopic("nothing"));
        Assert.Equal((1, 2, 1, 0, 0), (Store.Count(OutboxState.Pending), Store.Count(OutboxState.Sent), Store.Count(OutboxState.Gone),
            Store.Count(OutboxState.Failed), Store.Count(OutboxState.Sending)));
    }

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
    public void At_start_a_send_whose_claim_ran_out_is_closed_as_interrupted_and_nothing_else_changes()
    {
        Store.Add(Job("cut"));
        Store.Add(Job("unclaimed-sending", state: OutboxState.Sending));
        Store.Add(Job("pending"));
        Store.Add(Job("sent", state: OutboxState.Sent));
        Store.TryClaim("cut", "dead", Nine, Lease);
        Clock.Advance(Lease);

        var reopened = Reopen();

        foreach (var id in new[] { "cut", "unclaimed-sending" })
        {
            var job = reopened.Find(id)!;
            Assert.Equal((OutboxState.Failed, OutboxOutcome.Interrupted, Clock.GetUtcNow().UtcDateTime), (job.State, job.Outcome, job.UpdatedAt));
        }
        Assert.Equal((OutboxState.Pending, OutboxOutcome.Queued), (reopened.Find("pending")!.State, reopened.Find("pending")!.Outcome));
        Assert.Equal(OutboxState.Sent, reopened.Find("sent")!.State);
        Assert.Equal(["pending"], reopened.Due(Clock.GetUtcNow(), 10).Select(j => j.Id));
    }
}
