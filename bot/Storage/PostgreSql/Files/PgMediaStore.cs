using VocEdWeek.Bot.Files;
using static VocEdWeek.Bot.Storage.PostgreSql.Files.PgMediaRows;

namespace VocEdWeek.Bot.Storage.PostgreSql.Files;

/// <summary>
/// Records of received files in <c>media</c> (migration 0006). States are numbers (<see cref="MediaState"/>: 0 pending,
/// 1 stored; <see cref="RemoteState"/>: 1 waiting, 2 uploaded, 3 failed). <c>seq</c> keeps the order records were made
/// in, for files received at the same instant (a message's files). Claims lock the row they take and skip rows another
/// instance is taking at that moment (FOR UPDATE SKIP LOCKED), so two instances never hold the same file.
/// </summary>
public sealed class PgMediaStore(PgDatabase db) : IMediaStore
{
    private const string Select = $"SELECT {Columns} FROM media";

    // Who may take a hold: nobody holds it, the claimant itself does, or the hold has run out ($owner, $now).
    private static string Free(int owner, int now) =>
        $"(claimed_by IS NULL OR claimed_by = ${owner} OR claimed_until IS NULL OR claimed_until <= ${now})";

    public MediaRecord? ClaimDownload(string id, MediaClaim claim) => db.Query($"""
        UPDATE media SET claimed_by = $2, claimed_until = $3
        WHERE id IN (SELECT id FROM media WHERE id = $1 AND state = 0 AND {Free(2, 4)} FOR UPDATE SKIP LOCKED)
        RETURNING {Columns}
        """, Read, id, claim.Owner, claim.UntilUtc, claim.NowUtc).SingleOrDefault();

    public MediaRecord? ClaimNextUpload(MediaClaim claim) => db.Query($"""
        UPDATE media SET claimed_by = $1, claimed_until = $2
        WHERE id IN (
            SELECT id FROM media
            WHERE remote = 1 AND state = 1 AND (remote_next_attempt_at IS NULL OR remote_next_attempt_at <= $3) AND {Free(1, 3)}
            ORDER BY remote_next_attempt_at NULLS FIRST, received_at, seq
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
        RETURNING {Columns}
        """, Read, claim.Owner, claim.UntilUtc, claim.NowUtc).SingleOrDefault();

    public DateTime? NextUploadTime(string instance) => db.Query(
        """
        SELECT min(greatest(
            coalesce(remote_next_attempt_at, '-infinity'),
            CASE WHEN claimed_by IS NOT NULL AND claimed_by <> $1 THEN coalesce(claimed_until, '-infinity') ELSE '-infinity' END))
        FROM media WHERE remote = 1
        """,
        // '-infinity' comes back as DateTime.MinValue ("at once"); no waiting row gives NULL.
        r => r.IsDBNull(0) ? (DateTime?)null : r.GetDateTime(0), instance).Single();

    public IReadOnlyList<MediaRecord> LocalOnly() => db.Query($"{Select} WHERE remote = 0 AND state = 1 ORDER BY received_at, seq", Read);

    public IReadOnlyList<MediaRecord> RemoteFailed() => db.Query($"{Select} WHERE remote = 3 ORDER BY received_at, seq", Read);

    public IReadOnlyList<MediaRecord> NotUploaded() => db.Query($"{Select} WHERE remote IN (1, 3) ORDER BY received_at, seq", Read);

    public (int Count, DateTime? OldestReceivedAt) UploadBacklog() => db.Query(
        "SELECT count(*), min(received_at) FROM media WHERE remote = 1 AND state = 1",
        r => ((int)r.GetInt64(0), r.IsDBNull(1) ? (DateTime?)null : r.GetDateTime(1))).Single();

    public int CountByRemote(string weekId, RemoteState state) => (int)db.Scalar<long>(
        "SELECT count(*) FROM media WHERE week_id = $1 AND remote = $2 AND state = 1", weekId, (int)state);

    public IReadOnlyList<MediaRecord> RecentlyUploaded(string weekId, int count) => db.Query(
        $"{Select} WHERE week_id = $1 AND remote = 2 ORDER BY coalesce(remote_uploaded_at, received_at) DESC, seq DESC LIMIT $2",
        Read, weekId, count);

    public void Add(MediaRecord record)
    {
        record.Id = NewId();
        db.Execute($"INSERT INTO media ({Columns}) VALUES ({Parameters})", Values(record));
    }

    public void AddBatch(IReadOnlyList<MediaRecord> records)
    {
        foreach (var record in records) record.Id = NewId();
        db.InTransaction(tx =>
        {
            foreach (var record in records) tx.Execute($"INSERT INTO media ({Columns}) VALUES ({Parameters})", Values(record));
        });
    }

    public bool HasBatch(string batchId) => db.Scalar<bool>("SELECT EXISTS (SELECT 1 FROM media WHERE batch_id = $1)", batchId);

    public void Update(MediaRecord record) =>
        db.Execute($"UPDATE media SET ({Columns}) = ({Parameters}) WHERE id = $1", Values(record));

    public MediaRecord? Find(string id) =>
        string.IsNullOrEmpty(id) ? null : db.Query($"{Select} WHERE id = $1", Read, id).SingleOrDefault();

    public MediaRecord? FindBySource(string sourceKey) =>
        db.Query($"{Select} WHERE source_key = $1 ORDER BY seq LIMIT 1", Read, sourceKey).SingleOrDefault();

    public IReadOnlyList<MediaRecord> Batch(string batchId) => db.Query($"{Select} WHERE batch_id = $1 ORDER BY received_at, seq", Read, batchId);

    public IReadOnlyList<string> BatchesSince(string prefix, DateTime since) => db.Query(
        "SELECT batch_id FROM media WHERE received_at >= $2 AND starts_with(batch_id, $1) GROUP BY batch_id ORDER BY min(seq)",
        r => r.GetString(0), prefix, since);

    public IReadOnlyList<string> PendingBatches() =>
        db.Query("SELECT batch_id FROM media WHERE state = 0 GROUP BY batch_id ORDER BY min(seq)", r => r.GetString(0));

    // On media_pending (the pending rows only, few at any time).
    public IReadOnlyList<string> AbandonedBatches(DateTime nowUtc, DateTime unclaimedBefore) => db.Query("""
        SELECT batch_id FROM media
        WHERE state = 0 AND (claimed_until <= $1 OR (claimed_until IS NULL AND received_at < $2))
        GROUP BY batch_id ORDER BY min(seq)
        """, r => r.GetString(0), nowUtc, unclaimedBefore);

    public IReadOnlyList<MediaRecord> StoredForItem(string weekId, string departmentId, string itemKey) => db.Query(
        $"{Select} WHERE week_id = $1 AND department_id = $2 AND item_key = $3 AND state = 1 ORDER BY received_at, seq",
        Read, weekId, departmentId, itemKey);

    public IReadOnlyList<MediaRecord> ForItem(string weekId, string departmentId, string itemKey) => db.Query(
        $"{Select} WHERE week_id = $1 AND department_id = $2 AND item_key = $3 ORDER BY received_at, seq",
        Read, weekId, departmentId, itemKey);

    public IReadOnlyList<MediaRecord> OfDepartment(string weekId, string departmentId) => db.Query(
        $"{Select} WHERE week_id = $1 AND department_id = $2 ORDER BY received_at, seq", Read, weekId, departmentId);

    public IReadOnlyList<MediaRecord> ForWeek(string weekId) => db.Query($"{Select} WHERE week_id = $1 ORDER BY received_at, seq", Read, weekId);

    /// <summary>Time-ordered (version 7) and unique across instances without asking the database.</summary>
    private static string NewId() => Guid.CreateVersion7().ToString("N");
}
