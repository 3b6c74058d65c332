using LiteDB;
using VocEdWeek.Bot.Scheduling;

namespace VocEdWeek.Bot.Storage.LiteDb.Scheduling;

/// <summary>Slots already dealt with, in the LiteDB file.</summary>
public sealed class LiteDbSlotStore(BotDatabase db) : ISlotStore
{
    private readonly ILiteCollection<SlotRecord> _items = db.Collection<SlotRecord>("schedule_slots");

    public bool IsDone(string key) => _items.Exists(x => x.Id == key);

    public void Record(SlotRecord record) => _items.Upsert(record);

    public SlotRecord? Find(string key) => _items.FindById(key);

    public IReadOnlyList<SlotRecord> All() => _items.FindAll().OrderBy(x => x.At).ToList();
}
