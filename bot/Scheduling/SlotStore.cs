using LiteDB;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Scheduling;

/// <summary>Slots already dealt with, in LiteDB, so a restart never runs one twice.</summary>
public sealed class SlotStore(BotDatabase db)
{
    private readonly ILiteCollection<SlotRecord> _items = db.Collection<SlotRecord>("schedule_slots");

    public bool IsDone(string key) => _items.Exists(x => x.Id == key);

    public void Record(SlotRecord record) => _items.Upsert(record);

    public SlotRecord? Find(string key) => _items.FindById(key);

    public IReadOnlyList<SlotRecord> All() => _items.FindAll().OrderBy(x => x.At).ToList();
}
