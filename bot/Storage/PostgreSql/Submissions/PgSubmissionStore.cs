using System.Collections.Concurrent;
using Npgsql;
using VocEdWeek.Bot.Submissions;

namespace VocEdWeek.Bot.Storage.PostgreSql.Submissions;

/// <summary>
/// Versions of every submission in <c>submissions</c>, exemptions in <c>exemptions</c> (migration 0002), each slot's times in
/// <c>submission_slots</c> (0009). Several instances write at once, so nothing is cached: every answer is one indexed query.
/// </summary>
public sealed class PgSubmissionStore(PgDatabase db) : ISubmissionStore
{
    private const string Written = """
        id, week_id, department_id, item_key, version, is_current, submitted_at, submitted_by_name,
        submitted_by_aad_object_id, submitted_by_teams_id, idempotency_key, data
        """;

    // The form data comes back as the JSON text the record holds (jsonb's own spelling: keys sorted, one space after ':').
    private const string Columns = Written + "::text";

    /// <summary>The first key of the two-key advisory locks this store takes (its migration's number), apart from other users.</summary>
    private const int SlotLocks = 2;

    private readonly ConcurrentDictionary<string, ((long Count, long Versions) Signature, IReadOnlyDictionary<(string Department, string Item), SubmissionTimes> Times)> _times =
        new(StringComparer.Ordinal);

    public (Submission Stored, bool Duplicate) Submit(Submission candidate) => db.InTransaction(tx =>
    {
        // One slot's submits queue here, across instances, until the transaction ends: reading the highest version and
        // writing the next is then race-free, and a second click waiting behind the first finds the key stored.
        tx.Execute("SELECT pg_advisory_xact_lock($1, hashtext($2))", SlotLocks, Submission.SlotOf(candidate.WeekId, candidate.DepartmentId, candidate.ItemKey));
        if (ByKey(tx, candidate.IdempotencyKey) is { } existing) return (existing, true);
        var version = tx.Scalar<int>("""
            SELECT coalesce(max(version), 0) + 1 FROM submissions WHERE week_id = $1 AND department_id = $2 AND item_key = $3
            """, candidate.WeekId, candidate.DepartmentId, candidate.ItemKey);
        var id = Guid.CreateVersion7().ToString("N");
        // The same key in another slot (a client reusing a card id) is still one submission: the unique index decides.
        var inserted = tx.Execute($"""
            INSERT INTO submissions ({Written})
            VALUES ($1, $2, $3, $4, $5, false, $6, $7, $8, $9, $10, $11::jsonb)
            ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
            """, id, candidate.WeekId, candidate.DepartmentId, candidate.ItemKey, version, candidate.SubmittedAt, candidate.SubmittedByName,
            candidate.SubmittedByAadObjectId, candidate.SubmittedByTeamsId, candidate.IdempotencyKey, candidate.Data);
        if (inserted == 0) return (ByKey(tx, candidate.IdempotencyKey)!, true);
        // Two statements, the old one demoted first: the one-current index is checked row by row.
        tx.Execute("""
            UPDATE submissions SET is_current = false WHERE week_id = $1 AND department_id = $2 AND item_key = $3 AND is_current
            """, candidate.WeekId, candidate.DepartmentId, candidate.ItemKey);
        tx.Execute("UPDATE submissions SET is_current = true WHERE id = $1", id);
        candidate.Id = id;
        candidate.Version = version;
        candidate.IsCurrent = true;
        return (candidate, false);
    });

    private static Submission? ByKey(PgSession tx, string? key) =>
        key is null ? null : tx.Query($"SELECT {Columns} FROM submissions WHERE idempotency_key = $1", Read, key).SingleOrDefault();

    public IReadOnlyList<Submission> History(string weekId, string departmentId, string itemKey) => db.Query($"""
        SELECT {Columns} FROM submissions WHERE week_id = $1 AND department_id = $2 AND item_key = $3 ORDER BY version
        """, Read, weekId, departmentId, itemKey);

    public Submission? Current(string weekId, string departmentId, string itemKey) => db.Query($"""
        SELECT {Columns} FROM submissions WHERE week_id = $1 AND department_id = $2 AND item_key = $3 AND is_current
        """, Read, weekId, departmentId, itemKey).SingleOrDefault();

    public Submission? Find(string id) => db.Query($"SELECT {Columns} FROM submissions WHERE id = $1", Read, id).SingleOrDefault();

    public IReadOnlyList<Submission> CurrentOfDepartment(string weekId, string departmentId) => db.Query($"""
        SELECT {Columns} FROM submissions WHERE week_id = $1 AND department_id = $2 AND is_current ORDER BY item_key COLLATE "C"
        """, Read, weekId, departmentId);

    // Each version with its slot's first time and version count; the outer query keeps the current ones.
    public IReadOnlyDictionary<(string Department, string Item), SubmissionSummary> Summaries(string weekId) => db.Query($"""
        SELECT * FROM (
            SELECT {Columns}, min(submitted_at) OVER slot, max(version) OVER slot FROM submissions WHERE week_id = $1
            WINDOW slot AS (PARTITION BY department_id, item_key)) versions
        WHERE is_current
        """, r => new SubmissionSummary(Read(r), r.GetDateTime(12), r.GetInt32(13)), weekId)
        .ToDictionary(s => (s.Current.DepartmentId, s.Current.ItemKey));

    // One narrow row per slot (migration 0009, kept by triggers on submissions), not every version of the week grouped:
    // the versions' rows carry the form data, and grouping them cost tens of milliseconds for 1,000 departments × 7 days.
    /// <summary>
    /// Asked on every progress answer. Reading a week's thousands of slots costs the client milliseconds, so the last read
    /// is kept with the week's signature — the number of current slots and the sum of their versions — and used again
    /// while the database still gives that signature (one small aggregate on the narrow index). Every change that alters
    /// the answer changes the signature: a slot becoming current adds one, a new version raises its slot's count, and
    /// Submit inserts and promotes a version in one transaction. Another instance's write is seen at the next call.
    /// </summary>
    public IReadOnlyDictionary<(string Department, string Item), SubmissionTimes> Times(string weekId)
    {
        var signature = db.Query("""
            SELECT count(*), coalesce(sum(versions), 0) FROM submission_slots WHERE week_id = $1 AND current_submitted_at IS NOT NULL
            """, r => (r.GetInt64(0), r.GetInt64(1)), weekId).Single();
        if (_times.TryGetValue(weekId, out var kept) && kept.Signature == signature) return kept.Times;
        // Read after the signature, so what is kept is at least as new as it: at worst the next call reads once more.
        var times = db.Query("""
            SELECT department_id, item_key, first_submitted_at, current_submitted_at, versions
            FROM submission_slots WHERE week_id = $1 AND current_submitted_at IS NOT NULL
            """, r => (Key: (r.GetString(0), r.GetString(1)), Times: new SubmissionTimes(r.GetDateTime(2), r.GetDateTime(3), r.GetInt32(4))), weekId)
            .ToDictionary(x => x.Key, x => x.Times);
        _times[weekId] = (signature, times);
        return times;
    }

    public void Exempt(Exemption exemption)
    {
        exemption.Id = Exemption.KeyOf(exemption.WeekId, exemption.DepartmentId, exemption.ItemKey);
        db.Execute("""
            INSERT INTO exemptions (week_id, department_id, item_key, set_by, set_at, reason) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (week_id, department_id, item_key) DO UPDATE SET set_by = excluded.set_by, set_at = excluded.set_at, reason = excluded.reason
            """, exemption.WeekId, exemption.DepartmentId, exemption.ItemKey, exemption.SetBy, exemption.SetAt, exemption.Reason);
    }

    public bool RemoveExemption(string weekId, string departmentId, string itemKey) =>
        db.Execute("DELETE FROM exemptions WHERE week_id = $1 AND department_id = $2 AND item_key = $3", weekId, departmentId, itemKey) > 0;

    public IReadOnlyDictionary<(string Department, string Item), Exemption> Exemptions(string weekId) => db.Query("""
        SELECT week_id, department_id, item_key, set_by, set_at, reason FROM exemptions WHERE week_id = $1
        """, r => new Exemption
        {
            Id = Exemption.KeyOf(r.GetString(0), r.GetString(1), r.GetString(2)),
            WeekId = r.GetString(0),
            DepartmentId = r.GetString(1),
            ItemKey = r.GetString(2),
            SetBy = r.GetString(3),
            SetAt = r.GetDateTime(4),
            Reason = r.IsDBNull(5) ? null : r.GetString(5),
        }, weekId).ToDictionary(e => (e.DepartmentId, e.ItemKey));

    private static Submission Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        WeekId = r.GetString(1),
        DepartmentId = r.GetString(2),
        ItemKey = r.GetString(3),
        Version = r.GetInt32(4),
        IsCurrent = r.GetBoolean(5),
        SubmittedAt = r.GetDateTime(6),
        SubmittedByName = r.GetString(7),
        SubmittedByAadObjectId = r.IsDBNull(8) ? null : r.GetString(8),
        SubmittedByTeamsId = r.GetString(9),
        IdempotencyKey = r.IsDBNull(10) ? null : r.GetString(10),
        Data = r.GetString(11),
    };
}
