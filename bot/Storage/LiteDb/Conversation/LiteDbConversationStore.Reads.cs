using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Storage.LiteDb.Conversation;

/// <summary>The store's reads: what is written behind and not committed yet counts as stored, in place of the file's copy.</summary>
public sealed partial class LiteDbConversationStore
{
    public ConversationRecord? Find(string id) => _behind.Get(id) ?? _items.FindById(id);

    public ConversationRecord? FindPersonal(string? aadObjectId, string? userId)
    {
        var hit = aadObjectId is null ? null : Personal(r => r.UserAadObjectId == aadObjectId,
            () => _items.FindOne(x => x.UserAadObjectId == aadObjectId && x.Scope == "Personal" && x.RemovedAt == null));
        return hit ?? (userId is null ? null : Personal(r => r.UserId == userId,
            () => _items.FindOne(x => x.UserId == userId && x.Scope == "Personal" && x.RemovedAt == null)));
    }

    private ConversationRecord? Personal(Func<ConversationRecord, bool> matches, Func<ConversationRecord?> stored)
    {
        bool Live(ConversationRecord r) => matches(r) && r.Scope == "Personal" && r.RemovedAt == null;
        if (_behind.All().FirstOrDefault(Live) is { } pending) return pending;
        if (stored() is not { } found) return null;
        // The stored copy may be older than one written behind.
        return _behind.Get(found.Id) is { } newer ? (Live(newer) ? newer : null) : found;
    }

    public ConversationRecord? LatestOfTenant(string? tenantId)
    {
        var live = tenantId is null
            ? _items.Find(x => x.RemovedAt == null && x.TenantId != null)
            : _items.Find(x => x.RemovedAt == null && x.TenantId == tenantId);
        return WithBehind(live).Where(x => x.RemovedAt == null && x.TenantId != null && (tenantId is null || x.TenantId == tenantId))
            .OrderByDescending(x => x.UpdatedAt).FirstOrDefault();
    }

    public IReadOnlyList<ConversationRecord> Teams(string? tenantId) =>
        WithBehind(_items.Find(x => x.RemovedAt == null && x.TeamId != null))
            .Where(x => x.RemovedAt == null && x.TeamId != null && (tenantId is null || x.TenantId == tenantId))
            .GroupBy(x => x.TeamId).Select(g => g.OrderByDescending(x => x.UpdatedAt).First()).ToList();

    /// <summary>The stored records, each replaced by its newer version written behind, and the new ones written behind.</summary>
    private IEnumerable<ConversationRecord> WithBehind(IEnumerable<ConversationRecord> stored)
    {
        var behind = _behind.All();
        if (behind.Count == 0) return stored;
        var ids = behind.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return stored.Where(r => !ids.Contains(r.Id)).Concat(behind);
    }
}
