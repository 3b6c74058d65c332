using LiteDB;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Features.Exports;

/// <summary>Export records in LiteDB ("exports"): the download link and the consent flow find a file by its id.</summary>
public sealed class ExportStore
{
    private readonly ILiteCollection<ExportRecord> _items;

    public ExportStore(BotDatabase db)
    {
        _items = db.Collection<ExportRecord>("exports");
        _items.EnsureIndex(x => x.WeekId);
    }

    public void Add(ExportRecord record)
    {
        record.Id = ObjectId.NewObjectId().ToString();
        _items.Insert(record);
    }

    public ExportRecord? Find(string? id) => string.IsNullOrEmpty(id) ? null : _items.FindById(id);

    public void Update(ExportRecord record) => _items.Update(record);

    /// <summary>Local exports still on disk that were made before <paramref name="before"/> (UTC).</summary>
    public IReadOnlyList<ExportRecord> LocalMadeBefore(DateTime before) =>
        _items.Find(x => x.Storage == ExportStorage.Local && x.LocalDeletedAt == null && x.CreatedAt < before).ToList();

    public IReadOnlyList<ExportRecord> ForWeek(string weekId) => _items.Find(x => x.WeekId == weekId).OrderBy(x => x.CreatedAt).ToList();
}
