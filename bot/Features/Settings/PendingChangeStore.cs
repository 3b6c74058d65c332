using LiteDB;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Features.Settings;

/// <summary>Pending settings changes in LiteDB ("settingspending"); claimed once, under a lock, so two presses cannot both apply.</summary>
public sealed class PendingChangeStore
{
    /// <summary>How long a confirm card can be confirmed: long enough to check it, short enough that it is not confirmed stale.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ILiteCollection<PendingChange> _items;
    private readonly Lock _gate = new();

    public PendingChangeStore(BotDatabase db) => _items = db.Collection<PendingChange>("settingspending");

    public PendingChange Add(PendingChange change)
    {
        change.Id = ObjectId.NewObjectId().ToString();
        _items.Insert(change);
        return change;
    }

    public PendingChange? Find(string? id) => string.IsNullOrEmpty(id) ? null : _items.FindById(id);

    /// <summary>Marks the change done and returns true, unless it was done already (then false: the caller must not apply it).</summary>
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
