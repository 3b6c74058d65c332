namespace VocEdWeek.Bot.Files;

/// <summary>
/// Records of received files: pending (to fetch), stored or refused, and each stored file's way to SharePoint. Pending
/// downloads and due uploads are taken with a <see cref="MediaClaim"/>, so of several instances one works on a file at a time.
/// </summary>
public interface IMediaStore
{
    /// <summary>
    /// The pending record, now held by the claim's owner until its end; null when it is no longer pending or another owner
    /// holds it past the claim's now. The owner's own hold is taken again (a restarted instance resumes its work).
    /// </summary>
    MediaRecord? ClaimDownload(string id, MediaClaim claim);

    /// <summary>
    /// The stored file waiting for SharePoint whose retry time came first (none set: first of all, then by receipt), if
    /// it has come by the claim's now and nobody else holds it; now held by the claim's owner until its end.
    /// </summary>
    MediaRecord? ClaimNextUpload(MediaClaim claim);

    /// <summary>
    /// When the next waiting upload is due for <paramref name="instance"/> (null: nothing waits; <see cref="DateTime.MinValue"/>:
    /// at once). A file another instance holds is due when its hold ends, not before: the worker would otherwise spin on it.
    /// </summary>
    DateTime? NextUploadTime(string instance);

    /// <summary>Stored files that never went to SharePoint (e.g. received before it was configured).</summary>
    IReadOnlyList<MediaRecord> LocalOnly();

    IReadOnlyList<MediaRecord> RemoteFailed();

    /// <summary>Files still waiting for SharePoint or refused by it, oldest first.</summary>
    IReadOnlyList<MediaRecord> NotUploaded();

    /// <summary>How many stored files wait for SharePoint, and when the longest-waiting one was received.</summary>
    (int Count, DateTime? OldestReceivedAt) UploadBacklog();

    int CountByRemote(string weekId, RemoteState state);

    /// <summary>The week's files SharePoint confirmed last, newest first.</summary>
    IReadOnlyList<MediaRecord> RecentlyUploaded(string weekId, int count);

    /// <summary>Records one file, giving it a new id.</summary>
    void Add(MediaRecord record);

    /// <summary>A message's files in one write: all of them are recorded (each with a new id), or none.</summary>
    void AddBatch(IReadOnlyList<MediaRecord> records);

    /// <summary>
    /// The same for a turn or a download: awaited, it holds no thread while the disk commits (LiteDB: the writes of that
    /// moment share one commit, as the submissions' do; the photo messages of the 12:00 rush are a thousand a minute).
    /// </summary>
    Task AddBatchAsync(IReadOnlyList<MediaRecord> records)
    {
        AddBatch(records);
        return Task.CompletedTask;
    }

    bool HasBatch(string batchId);

    /// <summary>Overwrites the record with the same id.</summary>
    void Update(MediaRecord record);

    /// <summary>The same, awaited (see <see cref="AddBatchAsync"/>).</summary>
    Task UpdateAsync(MediaRecord record)
    {
        Update(record);
        return Task.CompletedTask;
    }

    MediaRecord? Find(string id);

    MediaRecord? FindBySource(string sourceKey);

    /// <summary>A batch's files in the order they came (recorded order for the same time).</summary>
    IReadOnlyList<MediaRecord> Batch(string batchId);

    /// <summary>Batch ids starting with <paramref name="prefix"/> that received a file at or after <paramref name="since"/> (UTC).</summary>
    IReadOnlyList<string> BatchesSince(string prefix, DateTime since);

    /// <summary>Batches with a file still to fetch.</summary>
    IReadOnlyList<string> PendingBatches();

    /// <summary>
    /// Batches with a file still to fetch that nobody is fetching: its hold ran out by <paramref name="nowUtc"/> (its
    /// instance died), or nobody ever held it and it came before <paramref name="unclaimedBefore"/> (its instance died
    /// before its turn came). The lease sweep hands them to a live instance.
    /// </summary>
    IReadOnlyList<string> AbandonedBatches(DateTime nowUtc, DateTime unclaimedBefore);

    IReadOnlyList<MediaRecord> StoredForItem(string weekId, string departmentId, string itemKey);

    /// <summary>An item's files in the order they came.</summary>
    IReadOnlyList<MediaRecord> ForItem(string weekId, string departmentId, string itemKey);

    /// <summary>
    /// One department's files of a week, in the order they came: exports walk a week department by department instead
    /// of loading every record of it.
    /// </summary>
    IReadOnlyList<MediaRecord> OfDepartment(string weekId, string departmentId);

    IReadOnlyList<MediaRecord> ForWeek(string weekId);
}
