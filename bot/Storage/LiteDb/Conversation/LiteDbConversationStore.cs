using System.Collections.Concurrent;
using LiteDB;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Storage.LiteDb.Conversation;

/// <summary>Conversation references in the LiteDB file (one process holds it, so one lock makes each change atomic).</summary>
public sealed class LiteDbConversationStore : IConversationStore
{
    private readonly ILiteCollection<ConversationRecord> _items;

    // Every read-modify-write of a record happens under this lock: Teams sends installationUpdate and conversationUpdate
    // together, and a refresh that read the record before the install was marked must not write the old copy back.
    private readonly Lock _write = new();

    // A copy of each record as stored, for Touch: one process holds the LiteDB file and every write to this collection is
    // made here under _write, so the copy is the stored record. An unchanged reference (nearly every turn) is then
    // answered without the lock or a read. Only what was read back from the file is kept (its rounding of times
    // included); every write drops its record's copy, so the next Touch reads the file. None of these writes runs inside
    // IAtomicWrites; one that did would have to drop the copy after its commit as well.
    private readonly ConcurrentDictionary<string, ConversationRecord> _stored = new(StringComparer.Ordinal);

    public LiteDbConversationStore(BotDatabase db)
    {
        _items = db.Collection<ConversationRecord>("conversations");
        _items.EnsureIndex(x => x.UserAadObjectId);
        _items.EnsureIndex(x => x.UserId);
        _items.EnsureIndex(x => x.ChannelId);
    }

    public ConversationRecord Touch(TurnContext turn)
    {
        var id = ConversationRefresh.IdOf(turn.Conversation);
        if (_stored.TryGetValue(id, out var stored) && ConversationRefresh.Apply(stored, turn, FindPersonal) is null) return stored.Copy();
        lock (_write)
        {
            var existing = _items.FindById(id);
            if (ConversationRefresh.Apply(existing, turn, FindPersonal) is not { } record)
            {
                _stored[id] = existing!.Copy();
                return existing;
            }
            _items.Upsert(record);
            _stored.TryRemove(id, out _);
            return record;
        }
    }

    public void Save(ConversationRecord record)
    {
        lock (_write)
        {
            _items.Upsert(record);
            _stored.TryRemove(record.Id, out _);
        }
    }

    public bool MarkInstalled(ConversationRecord record, DateTime at)
    {
        lock (_write)
        {
            var current = _items.FindById(record.Id) ?? record;
            var welcome = current.WelcomedAt is null || current.RemovedAt is not null;
            current.InstalledAt ??= at;
            current.RemovedAt = null;
            if (welcome) current.WelcomedAt = at;
            _items.Upsert(current);
            _stored.TryRemove(current.Id, out _);
            return welcome;
        }
    }

    public void MarkRemoved(ConversationRecord record, DateTime at)
    {
        lock (_write)
        {
            var current = _items.FindById(record.Id) ?? record;
            current.RemovedAt = at;
            _items.Upsert(current);
            _stored.TryRemove(current.Id, out _);
        }
    }

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

    public ConversationRecord SaveOpened(ConversationRef opened, string? userName, DateTimeOffset at)
    {
        lock (_write) return WriteOpened(opened, userName, at);
    }

    private ConversationRecord WriteOpened(ConversationRef opened, string? userName, DateTimeOffset at)
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
        _stored.TryRemove(record.Id, out _);
        return record;
    }

    public void MarkGone(string id, DateTimeOffset at)
    {
        lock (_write)
        {
            if (_items.FindById(id) is not { } record) return;
            record.RemovedAt = at.UtcDateTime;
            _items.Update(record);
            _stored.TryRemove(id, out _);
        }
    }
}
