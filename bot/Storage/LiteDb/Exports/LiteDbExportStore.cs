using LiteDB;
using VocEdWeek.Bot.Features.Exports;

namespace VocEdWeek.Bot.Storage.LiteDb.Exports;

/// <summary>Export records in the LiteDB file ("exports", by week); LiteDB's own failures come out as <see cref="StorageException"/>.</summary>
public sealed class LiteDbExportStore : IExportStore
{
    private readonly ILiteCollection<ExportRecord> _items;

    public LiteDbExportStore(BotDatabase db)
    {
        _items = db.Collection<ExportRecord>("exports");
        _items.EnsureIndex(x => x.WeekId);
    }

    public void Add(ExportRecord record) => Guarded(() =>
    {
        record.Id = ObjectId.NewObjectId().ToString();
        return _items.Insert(record);
    });

    public ExportRecord? Find(string? id) => string.IsNullOrEmpty(id) ? null : Guarded(() => _items.FindById(id));

    public void Update(ExportRecord record) => Guarded(() => _items.Update(record));

    public IReadOnlyList<ExportRecord> LocalMadeBefore(DateTime before) => Guarded(() =>
        _items.Find(x => x.Storage == ExportStorage.Local && x.LocalDeletedAt == null && x.CreatedAt < before).ToList());

    public IReadOnlyList<ExportRecord> ForWeek(string weekId) => Guarded(() => _items.Find(x => x.WeekId == weekId).OrderBy(x => x.CreatedAt).ToList());

    private static T Guarded<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (LiteException ex)
        {
            throw new StorageException($"The export records could not be read or written: {ex.Message}", ex);
        }
    }
}
