using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Storage;

/// <summary>Conversation references in LiteDB: saved on install, refreshed per activity, marked on uninstall.</summary>
public sealed class ConversationStore
{
    private readonly LiteDB.ILiteCollection<ConversationRecord> _items;

    // Every read-modify-write of a record happens under this lock: Teams sends installationUpdate and conversationUpdate
    // together, and a refresh that read the record before the install was marked must not write the old copy back.
    private readonly Lock _write = new();

    public ConversationStore(BotDatabase db)
    {
        _items = db.Collection<ConversationRecord>("conversations");
        _items.EnsureIndex(x => x.UserAadObjectId);
        _items.EnsureIndex(x => x.UserId);
        _items.EnsureIndex(x => x.ChannelId);
    }

    /// <summary>
    /// Upserts the reference from a turn; the serviceUrl is always the latest one seen. A write costs a disk
    /// flush, so an unchanged reference is only written again once an hour (to keep "last seen" useful).
    /// Where messages go (serviceUrl, tenant, bot, user) is only REPLACED by an authenticated turn from the same
    /// conversation; an unauthenticated one (anonymous mode) may add a new conversation, but never one that
    /// claims a user who already has a 1:1 chat — otherwise reminders meant for them would follow it.
    /// </summary>
    public ConversationRecord Touch(TurnContext turn)
    {
        lock (_write) return TouchLocked(turn);
    }

    private ConversationRecord TouchLocked(TurnContext turn)
    {
        var c = turn.Conversation;
        // Channel turns arrive on thread ids (…;messageid=…); keep one record per channel.
        var id = c.Scope == ConversationScope.Channel && c.ChannelId is not null ? c.ChannelId : c.ConversationId;
        var existing = _items.FindById(id);
        var record = existing is null ? new ConversationRecord { Id = id } : Copy(existing);
        var mayRoute = existing is null || turn.Authenticated;
        if (mayRoute)
        {
            record.ServiceUrl = c.ServiceUrl;
            record.TenantId = c.TenantId ?? record.TenantId;
            record.BotId = c.BotId ?? record.BotId;
            record.BotName = c.BotName ?? record.BotName;
            record.Scope = c.Scope.ToString();
            record.TeamId = c.TeamId ?? record.TeamId;
            record.ChannelId = c.ChannelId ?? record.ChannelId;
        }
        if (c.Scope == ConversationScope.Personal && record.Scope == nameof(ConversationScope.Personal))
        {
            if (mayRoute && (turn.Authenticated || !ClaimsAnotherChat(id, c)))
            {
                record.UserId = c.UserId ?? record.UserId;
                record.UserAadObjectId = c.UserAadObjectId ?? record.UserAadObjectId;
            }
            record.UserName = turn.User.Name ?? record.UserName;
            record.Locale = turn.Culture.Name;
        }
        var now = turn.ReceivedAt.UtcDateTime;
        if (existing is not null && SameReference(existing, record) && now - existing.UpdatedAt < TimeSpan.FromHours(1)) return existing;
        record.UpdatedAt = now;
        _items.Upsert(record);
        return record;
    }

    private bool ClaimsAnotherChat(string id, ConversationRef c) =>
        FindPersonal(c.UserAadObjectId, c.UserId) is { } chat && chat.Id != id;

    private static bool SameReference(ConversationRecord a, ConversationRecord b) =>
        a.ServiceUrl == b.ServiceUrl && a.TenantId == b.TenantId && a.BotId == b.BotId && a.BotName == b.BotName && a.Scope == b.Scope
        && a.TeamId == b.TeamId && a.ChannelId == b.ChannelId && a.UserId == b.UserId && a.UserAadObjectId == b.UserAadObjectId
        && a.UserName == b.UserName && a.Locale == b.Locale;

    private static ConversationRecord Copy(ConversationRecord r) => new()
    {
        Id = r.Id, ServiceUrl = r.ServiceUrl, TenantId = r.TenantId, BotId = r.BotId, BotName = r.BotName, Scope = r.Scope,
        UserId = r.UserId, UserAadObjectId = r.UserAadObjectId, UserName = r.UserName, TeamId = r.TeamId, ChannelId = r.ChannelId,
        Locale = r.Locale, InstalledAt = r.InstalledAt, RemovedAt = r.RemovedAt, WelcomedAt = r.WelcomedAt, UpdatedAt = r.UpdatedAt,
    };

    public void Save(ConversationRecord record)
    {
        lock (_write) _items.Upsert(record);
    }

    /// <summary>
    /// Marks the conversation installed; true when its welcome is still to be sent (first install, or again after a
    /// removal) — true once, however many install events arrive at the same time.
    /// </summary>
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
            return welcome;
        }
    }

    /// <summary>Marks the conversation removed (kept, not deleted, so history stays readable).</summary>
    public void MarkRemoved(ConversationRecord record, DateTime at)
    {
        lock (_write)
        {
            var current = _items.FindById(record.Id) ?? record;
            current.RemovedAt = at;
            _items.Upsert(current);
        }
    }

    public ConversationRecord? Find(string id) => _items.FindById(id);

    /// <summary>The 1:1 chat with a user, by Entra object id or Teams id; null when never installed.</summary>
    public ConversationRecord? FindPersonal(string? aadObjectId, string? userId)
    {
        var hit = aadObjectId is null ? null : _items.FindOne(x => x.UserAadObjectId == aadObjectId && x.Scope == "Personal" && x.RemovedAt == null);
        return hit ?? (userId is null ? null : _items.FindOne(x => x.UserId == userId && x.Scope == "Personal" && x.RemovedAt == null));
    }

    /// <summary>
    /// Where a 1:1 chat can be opened from: the serviceUrl and tenant of the most recently seen live
    /// conversation (of <paramref name="tenantId"/> when given), e.g. the office channel or a staff member's chat.
    /// </summary>
    public ConversationRecord? LatestOfTenant(string? tenantId)
    {
        var live = tenantId is null
            ? _items.Find(x => x.RemovedAt == null && x.TenantId != null)
            : _items.Find(x => x.RemovedAt == null && x.TenantId == tenantId);
        return live.OrderByDescending(x => x.UpdatedAt).FirstOrDefault();
    }

    /// <summary>The teams the bot is installed in (one live channel record each), of a tenant when given.</summary>
    public IReadOnlyList<ConversationRecord> Teams(string? tenantId) =>
        _items.Find(x => x.RemovedAt == null && x.TeamId != null)
            .Where(x => tenantId is null || x.TenantId == tenantId)
            .GroupBy(x => x.TeamId).Select(g => g.OrderByDescending(x => x.UpdatedAt).First()).ToList();

    /// <summary>Keeps a 1:1 chat the bot opened itself, so the next message goes straight there.</summary>
    public ConversationRecord SaveOpened(ConversationRef opened, string? userName, DateTimeOffset at)
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
    }

    /// <summary>Marks a conversation as gone (Teams answered 404 for it), so it is opened afresh next time.</summary>
    public void MarkGone(string id, DateTimeOffset at)
    {
        if (_items.FindById(id) is not { } record) return;
        record.RemovedAt = at.UtcDateTime;
        _items.Update(record);
    }

    public static ConversationRef ToRef(ConversationRecord r) => new(
        r.ServiceUrl, r.Id, r.TenantId, r.BotId, r.BotName, Enum.Parse<ConversationScope>(r.Scope),
        r.UserId, r.UserAadObjectId, r.TeamId, r.ChannelId);
}
