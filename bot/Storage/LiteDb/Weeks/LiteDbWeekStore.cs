using LiteDB;
using VocEdWeek.Bot.Weeks.Store;

namespace VocEdWeek.Bot.Storage.LiteDb.Weeks;

/// <summary>
/// Every week in the LiteDB file ("weeks"; LiteDB compares the string ids ignoring case). One process owns the file, so
/// the check and the write under this store's lock are one step.
/// </summary>
public sealed class LiteDbWeekStore(BotDatabase db) : IWeekStore
{
    private readonly ILiteCollection<StoredWeek> _items = db.Collection<StoredWeek>("weeks");
    private readonly Lock _gate = new();

    public IReadOnlyList<StoredWeek> All() => _items.FindAll().ToList();

    public StoredWeek? Find(string id) => _items.FindById(id);

    public bool Add(StoredWeek week)
    {
        lock (_gate)
        {
            if (_items.FindById(week.Id) is not null) return false;
            _items.Insert(week);
            return true;
        }
    }

    public bool Replace(StoredWeek week, int expectedRevision)
    {
        lock (_gate)
        {
            if (_items.FindById(week.Id) is not { } current || current.Revision != expectedRevision) return false;
            return _items.Update(week);
        }
    }
}
