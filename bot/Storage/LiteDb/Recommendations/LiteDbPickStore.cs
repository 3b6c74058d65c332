using LiteDB;
using VocEdWeek.Bot.Recommendations;

namespace VocEdWeek.Bot.Storage.LiteDb.Recommendations;

/// <summary>
/// Picks and nominations in the LiteDB file ("picks", one record per source and item, <see cref="Pick.IdOf"/>); LiteDB's
/// own failures come out as <see cref="StorageException"/>.
/// </summary>
public sealed class LiteDbPickStore : IPickStore
{
    private readonly ILiteCollection<Pick> _items;

    // Put and Withdraw read the record and then write it; one process owns the file, so this lock makes a double
    // submit (two clicks, two threads) store once.
    private readonly Lock _gate = new();

    public LiteDbPickStore(BotDatabase db)
    {
        _items = db.Collection<Pick>("picks");
        _items.EnsureIndex(x => x.WeekId);
    }

    public bool Put(Pick pick) => Guarded(() =>
    {
        pick.Id = Pick.IdOf(pick.WeekId, pick.Source, pick.ItemId);
        lock (_gate)
        {
            if (_items.FindById(pick.Id) is { IsActive: true }) return false;
            pick.WithdrawnAt = null;
            pick.WithdrawnByName = null;
            _items.Upsert(pick);
            return true;
        }
    });

    public bool Withdraw(string weekId, PickSource source, string itemId, string byName, DateTime atUtc) => Guarded(() =>
    {
        lock (_gate)
        {
            if (_items.FindById(Pick.IdOf(weekId, source, itemId)) is not { IsActive: true } current) return false;
            current.WithdrawnAt = atUtc;
            current.WithdrawnByName = byName;
            return _items.Update(current);
        }
    });

    public IReadOnlyList<Pick> Active(string weekId) => Guarded(() =>
        _items.Find(x => x.WeekId == weekId && x.WithdrawnAt == null).OrderBy(x => x.At).ThenBy(x => x.Id, StringComparer.Ordinal).ToList());

    public IReadOnlyList<Pick> All(string weekId) => Guarded(() =>
        _items.Find(x => x.WeekId == weekId).OrderBy(x => x.At).ThenBy(x => x.Id, StringComparer.Ordinal).ToList());

    private static T Guarded<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (LiteException ex)
        {
            throw new StorageException($"The picks could not be read or written: {ex.Message}", ex);
        }
    }
}
