using Npgsql;
using VocEdWeek.Bot.Outbox;

namespace VocEdWeek.Bot.Storage.PostgreSql.Outbox;

/// <summary>
/// The outbox in <c>outbox</c> (migration 0003), shared by every instance. Claims are single statements: a row lock
/// (<c>FOR UPDATE SKIP LOCKED</c> for a round, a conditional UPDATE for one job) decides which instance gets a job, so two
/// never take the same one. At start only this instance's own sends (and any nobody claims) are closed as interrupted (a
/// restart under the same name: nobody is still sending them), at once; another instance's are left to it while it lives, and to
/// <see cref="InterruptExpired"/> (the lease sweep) once its claim has run out.
/// </summary>
public sealed class PgOutboxStore : IOutboxStore
{
    private const string Columns = "id, topic, priority, recipient, payload, week_id, department_id, item_keys, state, outcome, "
        + "outcome_detail, attempts, next_attempt_at, created_at, updated_at, sent_at, conversation_id, activity_id, claimed_by, claimed_until";

    private const string Order = "priority, created_at, id";

    private readonly PgDatabase _db;

    public PgOutboxStore(PgDatabase db, InstanceName instance, TimeProvider time)
    {
        _db = db;
        // Also a send nobody claims: every send starts with a claim (TryClaim), so no live instance can be on it.
        _db.Execute("""
            UPDATE outbox SET state = $1, outcome = $2, updated_at = $3
            WHERE state = $4 AND (claimed_by = $5 OR claimed_until IS NULL)
            """, nameof(OutboxState.Failed), nameof(OutboxOutcome.Interrupted), time.GetUtcNow().UtcDateTime, nameof(OutboxState.Sending), instance.Value);
    }

    public (OutboxJob Job, bool IsNew) Add(OutboxJob job)
    {
        // ON CONFLICT, not read-then-write: another instance may add the same key at the same moment.
        var added = _db.Query($"""
            INSERT INTO outbox ({Columns})
            VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
            ON CONFLICT (id) DO NOTHING RETURNING id
            """, r => r.GetString(0), Values(job));
        return added.Count == 1 ? (job, true) : (Find(job.Id)!, false);
    }

    public OutboxJob? Find(string id) => _db.Query($"SELECT {Columns} FROM outbox WHERE id = $1", OutboxRow.Read, id).SingleOrDefault();

    public void Update(OutboxJob job) => _db.Execute("""
        UPDATE outbox SET topic = $2, priority = $3, recipient = $4::jsonb, payload = $5::jsonb, week_id = $6, department_id = $7,
            item_keys = $8, state = $9, outcome = $10, outcome_detail = $11, attempts = $12, next_attempt_at = $13, created_at = $14,
            updated_at = $15, sent_at = $16, conversation_id = $17, activity_id = $18, claimed_by = $19, claimed_until = $20
        WHERE id = $1
        """, Values(job));

    public IReadOnlyList<OutboxJob> Due(DateTimeOffset now, int limit) => _db.Query(
        $"SELECT {Columns} FROM outbox WHERE state = $1 AND next_attempt_at <= $2 ORDER BY {Order} LIMIT $3",
        OutboxRow.Read, nameof(OutboxState.Pending), now.UtcDateTime, limit);

    public DateTime? NextDue() => _db.Scalar<DateTime?>("SELECT min(next_attempt_at) FROM outbox WHERE state = $1", nameof(OutboxState.Pending));

    public (int Count, DateTime? OldestDueAt) DueBacklog(DateTimeOffset now) => _db.Query(
        "SELECT count(*), min(next_attempt_at) FROM outbox WHERE state = $1 AND next_attempt_at <= $2",
        r => ((int)r.GetInt64(0), r.IsDBNull(1) ? (DateTime?)null : r.GetDateTime(1)), nameof(OutboxState.Pending), now.UtcDateTime).Single();

    public IReadOnlyList<OutboxJob> ByTopic(string topic) =>
        _db.Query($"SELECT {Columns} FROM outbox WHERE topic = $1 ORDER BY id", OutboxRow.Read, topic);

    public int Count(OutboxState state) => (int)_db.Scalar<long>("SELECT count(*) FROM outbox WHERE state = $1", state.ToString());

    public IReadOnlyList<OutboxJob> ClaimDue(DateTimeOffset now, int limit, string instance, TimeSpan lease)
    {
        // One statement: the inner SELECT locks the rows it picks and skips rows another worker has locked this instant,
        // so concurrent rounds split the due jobs between them instead of waiting or taking the same ones.
        var claimed = _db.Query($"""
            UPDATE outbox SET claimed_by = $3, claimed_until = $4
            WHERE id IN (
                SELECT id FROM outbox
                WHERE state = $5 AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1 OR claimed_by = $3)
                ORDER BY {Order} LIMIT $2
                FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}
            """, OutboxRow.Read, now.UtcDateTime, limit, instance, (now + lease).UtcDateTime, nameof(OutboxState.Pending));
        // RETURNING follows no order: the round's order is made here.
        return claimed.OrderBy(x => x.Priority).ThenBy(x => x.CreatedAt).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
    }

    public OutboxJob? TryClaim(string id, string instance, DateTimeOffset now, TimeSpan lease) => _db.Query($"""
        UPDATE outbox SET state = $5, claimed_by = $2, claimed_until = $4, updated_at = $3
        WHERE id = $1 AND state = $6 AND (claimed_until IS NULL OR claimed_until <= $3 OR claimed_by = $2)
        RETURNING {Columns}
        """, OutboxRow.Read, id, instance, now.UtcDateTime, (now + lease).UtcDateTime, nameof(OutboxState.Sending), nameof(OutboxState.Pending))
        .SingleOrDefault();

    public int InterruptExpired(DateTimeOffset now) => _db.Execute("""
        UPDATE outbox SET state = $1, outcome = $2, updated_at = $3
        WHERE state = $4 AND (claimed_until IS NULL OR claimed_until <= $3)
        """, nameof(OutboxState.Failed), nameof(OutboxOutcome.Interrupted), now.UtcDateTime, nameof(OutboxState.Sending));

    private static object?[] Values(OutboxJob j) =>
    [
        j.Id, j.Topic, j.Priority, OutboxRow.RecipientJson(j.Recipient), j.Payload, j.WeekId, j.DepartmentId, j.ItemKeys.ToArray(),
        j.State.ToString(), j.Outcome.ToString(), j.OutcomeDetail, j.Attempts, j.NextAttemptAt, j.CreatedAt, j.UpdatedAt, j.SentAt,
        j.ConversationId, j.ActivityId, j.ClaimedBy, j.ClaimedUntil,
    ];
}
