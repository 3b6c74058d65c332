using LiteDB;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Storage.LiteDb.Conversation;

/// <summary>Conversation references in the LiteDB file (one process holds it, so one writer makes each change atomic).</summary>
public sealed class LiteDbConversationStore : IConversationStore
{
    private readonly ILiteCollection<ConversationRecord> _items;

    // Every read-modify-write of a record runs as a write of this group, one after another on its writer: Teams sends
    // installationUpdate and conversationUpdate together, and a refresh that read the record before the install was
    // marked must not write the old copy back. Concurrent first contacts share one commit (one series of disk flushes).
    private readonly GroupCommit _write;

    // Committed copies for Touch's unchanged case (see StoredCopies): every write below drops its record's copy once the
    // write has committed, i.e. after _write returns.
    private readonly StoredCopies _copies = new();

    public LiteDbConversationStore(BotDatabase db)
    {
        _write = new GroupCommit(db);
        _items = db.Collection<ConversationRecord>("conversations");
        _items.EnsureIndex(x => x.UserAadObjectId);
        _items.EnsureIndex(x => x.UserId);
        _items.EnsureIndex(x => x.ChannelId);
    }

    public ConversationRecord Touch(TurnContext turn) =>
        Unchanged(turn, out var id) is { } seen ? seen : Dropped(id, _write.Write(() => Refresh(turn, id)));

    public async Task<ConversationRecord> TouchAsync(TurnContext turn) =>
        Unchanged(turn, out var id) is { } seen ? seen : Dropped(id, await _write.WriteAsync(() => Refresh(turn, id)));

    // Most turns change nothing: that is decided without waiting for the writer (from the committed copy when there is one,
    // else from the file), and only a change is queued.
    private ConversationRecord? Unchanged(TurnContext turn, out string id)
    {
        id = ConversationRefresh.IdOf(turn.Conversation);
        if (_copies.Get(id) is { } copy && ConversationRefresh.Apply(copy, turn, FindPersonal) is null) return copy;
        var writes = _copies.WritesSoFar;
        var seen = _items.FindById(id);
        if (seen is null || ConversationRefresh.Apply(seen, turn, FindPersonal) is not null) return null;
        _copies.Keep(seen, writes);
        return seen;
    }

    private T Dropped<T>(string id, T result)
    {
        _copies.Dropped(id);
        return result;
    }

    // Read again on the writer: another write of this store may have changed the record since.
    private ConversationRecord Refresh(TurnContext turn, string id)
    {
        var existing = _items.FindById(id);
        if (ConversationRefresh.Apply(existing, turn, FindPersonal) is not { } record) return existing!;
        _items.Upsert(record);
        return record;
    }

    public void Save(ConversationRecord record) => Dropped(record.Id, _write.Write(() => _items.Upsert(record)));

    public bool MarkInstalled(ConversationRecord record, DateTime at) => Dropped(record.Id, _write.Write(() =>
    {
        var current = _items.FindById(record.Id) ?? record;
        var welcome = current.WelcomedAt is null || current.RemovedAt is not null;
        current.InstalledAt ??= at;
        current.RemovedAt = null;
        if (welcome) current.WelcomedAt = at;
        _items.Upsert(current);
        return welcome;
    }));

    public void MarkRemoved(ConversationRecord record, DateTime at) => Dropped(record.Id, _write.Write(() =>
    {
        var current = _items.FindById(record.Id) ?? record;
        current.RemovedAt = at;
        return _items.Upsert(current);
    }));

    public ConversationRecord? Find(string id) => _items.FindById(id);

    public ConversationRecord? FindPersonal(string? aadObjectId, string? userId)
    {
        var hit = aadObjectId is null ? null : _items.FindOne(x => x.UserAadObjectId == aadObjectId && x.Scope == "Personal" && x.RemovedAt == null);
        return hit ?? (userId is null ? null : _items.FindOne(x => x.UserId == userId && x.Scope == "Personal" && x.RemovedAt == null));
    }

    public ConversationRecord? LatestOfTenant(string? tenantId)
    {
        var live = tenantId is null
            ? _items.Find(x => x.RemovedAt == null && x.TenantId != null)
            : _items.Find(x => x.RemovedAt == null && x.TenantId == tenantId);
        return live.OrderByDescending(x => x.UpdatedAt).FirstOrDefault();
    }

    public IReadOnlyList<ConversationRecord> Teams(string? tenantId) =>
        _items.Find(x => x.RemovedAt == null && x.TeamId != null)
            .Where(x => tenantId is null || x.TenantId == tenantId)
            .GroupBy(x => x.TeamId).Select(g => g.OrderByDescending(x => x.UpdatedAt).First()).ToList();

    public ConversationRecord SaveOpened(ConversationRef opened, string? userName, DateTimeOffset at) => Dropped(opened.ConversationId, _write.Write(() =>
    {
        var record = _items.FindById(opened.ConversationId) ?? new ConversationRecord { Id = opened.ConversationId };
        record.ServiceUrl = opened.ServiceUrl;
        record.TenantId = opened.TenantId ?? record.TenantId;
        record.BotId = opened.BotId ?? record.BotId;
        record.Scope = nameof(ConversationScope.Personal);
        record.UserId = opened.UserId ?? record.UserId;
        record.UserAadObjectId = opened.UserAadObjectId ?? record.UserAadObjectId;
        record.UserName = record.UserName ?? userName;
        record.RemovedAt = null;
        record.UpdatedAt = at.UtcDateTime;
        _items.Upsert(record);
        return record;
    }));

    public void MarkGone(string id, DateTimeOffset at) => Dropped(id, _write.Write(() =>
    {
        if (_items.FindById(id) is not { } record) return false;
        record.RemovedAt = at.UtcDateTime;
        return _items.Update(record);
    }));
}
