using LiteDB;
using VocEdWeek.Bot.Features.Settings;

namespace VocEdWeek.Bot.Storage.LiteDb.Settings;

/// <summary>Pending settings changes in the LiteDB file ("settingspending"); claimed once, under a lock, so two presses cannot both apply.</summary>
public sealed class LiteDbPendingChangeStore(BotDatabase db) : IPendingChangeStore
{
    private readonly ILiteCollection<PendingChange> _items = db.Collection<PendingChange>("settingspending");
    private readonly Lock _gate = new();

    public PendingChange Add(PendingChange change)
    {
        change.Id = ObjectId.NewObjectId().ToString();
        _items.Insert(change);
        return change;
    }

    public PendingChange? Find(string? id) => string.IsNullOrEmpty(id) ? null : _items.FindById(id);

    public bool TryClaim(PendingChange change, DateTime now)
    {
        lock (_gate)
        {
            var current = _items.FindById(change.Id);
            if (current is null || current.DoneAt is not null) return false;
            change.DoneAt = current.DoneAt = now;
            _items.Update(current);
            return true;
        }
    }

    public void Finish(PendingChange change, string outcome)
    {
        change.Outcome = outcome;
        _items.Update(change);
    }
}
