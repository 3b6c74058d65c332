using LiteDB;
using VocEdWeek.Bot.Files;

namespace VocEdWeek.Bot.Storage.LiteDb.Files;

/// <summary>Records of received files in the LiteDB file (collection <c>media</c>).</summary>
public sealed class LiteDbMediaStore : IMediaStore
{
    private readonly ILiteCollection<MediaRecord> _items;
    // The writes a turn or a download awaits: those of one moment share one transaction and one commit (GroupCommit).
    private readonly GroupCommit _write;
    // The slots that may hold files (every write adds its record's first): a receipt's "no files" costs no query.
    private readonly MediaSlots _slots;

    // A claim reads the record and writes its hold; the lock makes the pair one step for every thread and every store
    // object of the process (LiteDB is one process's file, so no other process claims). Claims are short: one lock will do.
    private static readonly Lock Claims = new();

    public LiteDbMediaStore(BotDatabase db)
    {
        _write = new GroupCommit(db);
        _items = db.Collection<MediaRecord>("media");
        _items.EnsureIndex(x => x.WeekId);
        _items.EnsureIndex(x => x.SourceKey);
        _items.EnsureIndex(x => x.BatchId);
        _items.EnsureIndex(x => x.State);
        _items.EnsureIndex(x => x.Remote);
        _items.EnsureIndex(x => x.DepartmentId);
        _slots = MediaSlots.Of(db);
    }

    public MediaRecord? ClaimDownload(string id, MediaClaim claim)
    {
        lock (Claims)
        {
            if (Find(id) is not { State: MediaState.Pending } record || !claim.MayTake(record)) return null;
            return Held(record, claim);
        }
    }

    public MediaRecord? ClaimNextUpload(MediaClaim claim)
    {
        lock (Claims)
        {
            var now = claim.NowUtc;
            var next = _items.Find(x => x.Remote == RemoteState.Waiting && x.State == MediaState.Stored)
                .Where(x => (x.RemoteNextAttemptAt is null || x.RemoteNextAttemptAt <= now) && claim.MayTake(x))
                .OrderBy(x => x.RemoteNextAttemptAt ?? DateTime.MinValue).ThenBy(x => x.ReceivedAt)
                .FirstOrDefault();
            return next is null ? null : Held(next, claim);
        }
    }

    private MediaRecord Held(MediaRecord record, MediaClaim claim)
    {
        claim.Hold(record);
        _slots.Add(record);
        _items.Update(record);
        return record;
    }

    public DateTime? NextUploadTime(string instance)
    {
        DateTime? next = null;
        foreach (var x in _items.Find(x => x.Remote == RemoteState.Waiting))
        {
            var at = x.RemoteNextAttemptAt ?? DateTime.MinValue;
            if (x.ClaimedBy is { } owner && owner != instance && x.ClaimedUntil is { } until && until > at) at = until;
            if (next is null || at < next) next = at;
        }
        return next;
    }

    /// <summary>Stored files that never went to SharePoint (e.g. received before it was configured).</summary>
    public IReadOnlyList<MediaRecord> LocalOnly() => _items.Find(x => x.Remote == RemoteState.None && x.State == MediaState.Stored).ToList();

    public IReadOnlyList<MediaRecord> RemoteFailed() => _items.Find(x => x.Remote == RemoteState.Failed).ToList();

    /// <summary>Files still waiting for SharePoint or refused by it, oldest first.</summary>
    public IReadOnlyList<MediaRecord> NotUploaded() =>
        _items.Find(x => x.Remote == RemoteState.Waiting || x.Remote == RemoteState.Failed).OrderBy(x => x.ReceivedAt).ToList();

    /// <summary>How many stored files wait for SharePoint, and when the longest-waiting one was received.</summary>
    public (int Count, DateTime? OldestReceivedAt) UploadBacklog()
    {
        var waiting = _items.Find(x => x.Remote == RemoteState.Waiting && x.State == MediaState.Stored).Select(x => x.ReceivedAt).ToList();
        return (waiting.Count, waiting.Count == 0 ? null : waiting.Min());
    }

    public int CountByRemote(string weekId, RemoteState state) =>
        _items.Count(x => x.WeekId == weekId && x.Remote == state && x.State == MediaState.Stored);

    /// <summary>The week's files SharePoint confirmed last, newest first.</summary>
    public IReadOnlyList<MediaRecord> RecentlyUploaded(string weekId, int count) =>
        _items.Find(x => x.WeekId == weekId && x.Remote == RemoteState.Uploaded)
            .OrderByDescending(x => x.RemoteUploadedAt ?? x.ReceivedAt).ThenByDescending(x => x.Id, StringComparer.Ordinal).Take(count).ToList();

    public void Add(MediaRecord record)
    {
        record.Id = ObjectId.NewObjectId().ToString();
        _slots.Add(record);
        _items.Insert(record);
    }

    /// <summary>A message's files in one insert (one LiteDB transaction): all of them are recorded, or none.</summary>
    public void AddBatch(IReadOnlyList<MediaRecord> records)
    {
        foreach (var record in records) record.Id = ObjectId.NewObjectId().ToString();
        _slots.Add(records);
        _items.Insert(records);
    }

    /// <summary>The ids are given before the write: a batch that is written again (GroupCommit's retry) keeps them.</summary>
    public Task AddBatchAsync(IReadOnlyList<MediaRecord> records)
    {
        foreach (var record in records) record.Id = ObjectId.NewObjectId().ToString();
        _slots.Add(records);
        return _write.WriteAsync(() => _items.Insert(records));
    }

    // Prepared queries on the batch index: a lambda is translated anew on every call, and every photo message asks.
    public bool HasBatch(string batchId) => _items.Exists(ByBatch(batchId));

    // An update may move a record to another slot: the new one is added (the old one stays, as a superset may).
    public void Update(MediaRecord record)
    {
        _slots.Add(record);
        _items.Update(record);
    }

    public Task UpdateAsync(MediaRecord record)
    {
        _slots.Add(record);
        return _write.WriteAsync(() => _items.Update(record));
    }

    public MediaRecord? Find(string id) => string.IsNullOrEmpty(id) ? null : _items.FindById(id);

    public MediaRecord? FindBySource(string sourceKey) => _items.FindOne(BsonExpression.Create("SourceKey = @0", sourceKey));

    public IReadOnlyList<MediaRecord> Batch(string batchId) => _items.Find(ByBatch(batchId)).OrderBy(x => x.ReceivedAt).ThenBy(x => x.Id).ToList();

    /// <summary>Batch ids starting with <paramref name="prefix"/> that received a file at or after <paramref name="since"/> (UTC).</summary>
    public IReadOnlyList<string> BatchesSince(string prefix, DateTime since) =>
        _items.Find(x => x.BatchId.StartsWith(prefix) && x.ReceivedAt >= since).Select(x => x.BatchId).Distinct().ToList();

    public IReadOnlyList<string> PendingBatches() => _items.Find(x => x.State == MediaState.Pending).Select(x => x.BatchId).Distinct().ToList();

    public IReadOnlyList<string> AbandonedBatches(DateTime nowUtc, DateTime unclaimedBefore) => _items.Find(x => x.State == MediaState.Pending)
        .Where(x => x.ClaimedUntil is { } until ? until <= nowUtc : x.ReceivedAt < unclaimedBefore)
        .Select(x => x.BatchId).Distinct().ToList();

    public IReadOnlyList<MediaRecord> StoredForItem(string weekId, string departmentId, string itemKey) =>
        !_slots.MayHold(weekId, departmentId, itemKey) ? [] : ForItem(weekId, departmentId, itemKey).Where(x => x.State == MediaState.Stored).ToList();

    public IReadOnlyList<MediaRecord> ForItem(string weekId, string departmentId, string itemKey) =>
        !_slots.MayHold(weekId, departmentId, itemKey) ? [] :
        // ObjectIds grow in the order records were made: the tie-break for a message's files, which share one time.
        _items.Find(ByDepartment(departmentId)).Where(x => x.WeekId == weekId && x.ItemKey == itemKey)
            .OrderBy(x => x.ReceivedAt).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();

    /// <summary>
    /// One department's files of a week through the department index, in the order they came: exports walk a week
    /// department by department instead of loading every record of it.
    /// </summary>
    public IReadOnlyList<MediaRecord> OfDepartment(string weekId, string departmentId) =>
        _items.Find(ByDepartment(departmentId)).Where(x => x.WeekId == weekId)
            .OrderBy(x => x.ReceivedAt).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyList<MediaRecord> ForWeek(string weekId) => _items.Find(x => x.WeekId == weekId).ToList();

    // Index queries with the value as a parameter, compiled once: a lambda is translated again on every call (the receipt
    // of every report submit asks ForItem, every photo FindBySource), and Query.EQ writes the value into the expression, which LiteDB compiles into
    // a new delegate per value and keeps in a static cache for good.
    private static BsonExpression ByDepartment(string departmentId) => BsonExpression.Create("DepartmentId = @0", departmentId);

    private static BsonExpression ByBatch(string batchId) => BsonExpression.Create("BatchId = @0", batchId);
}
