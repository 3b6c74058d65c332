using LiteDB;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Files;

/// <summary>Records of received files in LiteDB.</summary>
public sealed class MediaStore
{
    private readonly ILiteCollection<MediaRecord> _items;

    public MediaStore(BotDatabase db)
    {
        _items = db.Collection<MediaRecord>("media");
        _items.EnsureIndex(x => x.WeekId);
        _items.EnsureIndex(x => x.SourceKey);
        _items.EnsureIndex(x => x.BatchId);
        _items.EnsureIndex(x => x.State);
        _items.EnsureIndex(x => x.DepartmentId);
    }

    public void Add(MediaRecord record)
    {
        record.Id = ObjectId.NewObjectId().ToString();
        _items.Insert(record);
    }

    public void Update(MediaRecord record) => _items.Update(record);

    public MediaRecord? FindBySource(string sourceKey) => _items.FindOne(x => x.SourceKey == sourceKey);

    public IReadOnlyList<MediaRecord> Batch(string batchId) => _items.Find(x => x.BatchId == batchId).OrderBy(x => x.ReceivedAt).ThenBy(x => x.Id).ToList();

    public IReadOnlyList<string> PendingBatches() => _items.Find(x => x.State == MediaState.Pending).Select(x => x.BatchId).Distinct().ToList();

    public IReadOnlyList<MediaRecord> StoredForItem(string weekId, string departmentId, string itemKey) =>
        ForItem(weekId, departmentId, itemKey).Where(x => x.State == MediaState.Stored).ToList();

    public IReadOnlyList<MediaRecord> ForItem(string weekId, string departmentId, string itemKey) =>
        _items.Find(x => x.WeekId == weekId && x.DepartmentId == departmentId && x.ItemKey == itemKey).OrderBy(x => x.ReceivedAt).ToList();

    /// <summary>
    /// One department's files of a week through the department index, in the order they came: exports walk a week
    /// department by department instead of loading every record of it.
    /// </summary>
    public IReadOnlyList<MediaRecord> OfDepartment(string weekId, string departmentId) =>
        _items.Find(Query.EQ(nameof(MediaRecord.DepartmentId), departmentId)).Where(x => x.WeekId == weekId)
            .OrderBy(x => x.ReceivedAt).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyList<MediaRecord> ForWeek(string weekId) => _items.Find(x => x.WeekId == weekId).ToList();
}
