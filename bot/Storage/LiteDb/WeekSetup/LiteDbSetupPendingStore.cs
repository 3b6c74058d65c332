using LiteDB;
using VocEdWeek.Bot.Features.WeekSetup;

namespace VocEdWeek.Bot.Storage.LiteDb.WeekSetup;

/// <summary>Drafts and roster imports in the LiteDB file ("setuppending"); one process owns it, so a lock makes the claim once.</summary>
public sealed class LiteDbSetupPendingStore(BotDatabase db, TimeProvider time) : ISetupPendingStore
{
    private readonly ILiteCollection<SetupPending> _items = db.Collection<SetupPending>("setuppending");
    private readonly Lock _gate = new();

    public SetupPending Add(string kind, string payload, string source, string requestedBy, string? weekId = null, int revision = 0)
    {
        var pending = SetupPending.New(kind, payload, source, requestedBy, weekId, revision, time.GetUtcNow().UtcDateTime);
        _items.Insert(pending);
        return pending;
    }

    public SetupPending? Find(string? id, string kind) =>
        string.IsNullOrEmpty(id) ? null : SetupPending.Valid(_items.FindById(id), kind, time.GetUtcNow().UtcDateTime);

    public bool TryClaim(SetupPending pending)
    {
        lock (_gate)
        {
            if (_items.FindById(pending.Id) is not { DoneAt: null } current) return false;
            current.DoneAt = pending.DoneAt = time.GetUtcNow().UtcDateTime;
            _items.Update(current);
            return true;
        }
    }

    public void Release(SetupPending pending)
    {
        pending.DoneAt = null;
        _items.Update(pending);
    }

    public void Done(SetupPending pending, string outcome)
    {
        pending.DoneAt ??= time.GetUtcNow().UtcDateTime;
        pending.Outcome = outcome;
        _items.Update(pending);
    }
}
