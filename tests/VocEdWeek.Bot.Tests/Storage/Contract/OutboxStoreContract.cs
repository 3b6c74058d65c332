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
public abstract partial class OutboxStoreContract
{
    protected static readonly DateTimeOffset Nine = new(2024, 5, 14, 1, 0, 0, TimeSpan.Zero);
    protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>The instance name <see cref="Reopen"/> starts under: its claims are its own from before the restart.</summary>
    protected const string Restarted = "restarted";

    private IOutboxStore? _store;

    protected FakeTimeProvider Clock { get; } = new(Nine);

    /// <summary>An empty store, asked for once per test (its clock is <see cref="Clock"/>).</summary>
    protected abstract IOutboxStore NewStore();

    /// <summary>The process starts again (as <see cref="Restarted"/>): a new store over the same database, at <see cref="Clock"/>'s time.</summary>
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
}
