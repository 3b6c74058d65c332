using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Weeks.Store;

/// <summary>Every week the bot knows, in LiteDB; <see cref="WeekCatalog"/> reads it, <see cref="Settings.WeekEditor"/> writes it.</summary>
public sealed class WeekStore(BotDatabase db)
{
    private readonly LiteDB.ILiteCollection<StoredWeek> _items = db.Collection<StoredWeek>("weeks");

    public BotDatabase Database => db;

    public IReadOnlyList<StoredWeek> All() => _items.FindAll().ToList();

    public StoredWeek? Find(string id) => _items.FindById(id);

    public void Upsert(StoredWeek week) => _items.Upsert(week);
}
