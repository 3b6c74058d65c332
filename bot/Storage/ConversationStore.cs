using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Storage;

/// <summary>Conversation references in LiteDB: saved on install, refreshed per activity, marked on uninstall.</summary>
public sealed class ConversationStore
{
    private readonly LiteDB.ILiteCollection<ConversationRecord> _items;

    public ConversationStore(BotDatabase db)
    {
        _items = db.Collection<ConversationRecord>("conversations");
        _items.EnsureIndex(x => x.UserAadObjectId);
        _items.EnsureIndex(x => x.UserId);
        _items.EnsureIndex(x => x.ChannelId);
    }

    /// <summary>Upserts the reference from a turn; the serviceUrl is always the latest one seen.</summary>
    public ConversationRecord Touch(TurnContext turn)
    {
        var c = turn.Conversation;
        // Channel turns arrive on thread ids (…;messageid=…); keep one record per channel.
        var id = c.Scope == ConversationScope.Channel && c.ChannelId is not null ? c.ChannelId : c.ConversationId;
        var record = _items.FindById(id) ?? new ConversationRecord { Id = id };
        record.ServiceUrl = c.ServiceUrl;
        record.TenantId = c.TenantId ?? record.TenantId;
        record.BotId = c.BotId ?? record.BotId;
        record.BotName = c.BotName ?? record.BotName;
        record.Scope = c.Scope.ToString();
        record.TeamId = c.TeamId ?? record.TeamId;
        record.ChannelId = c.ChannelId ?? record.ChannelId;
        if (c.Scope == ConversationScope.Personal)
        {
            record.UserId = c.UserId ?? record.UserId;
            record.UserAadObjectId = c.UserAadObjectId ?? record.UserAadObjectId;
            record.UserName = turn.User.Name ?? record.UserName;
            record.Locale = turn.Culture.Name;
        }
        record.UpdatedAt = turn.ReceivedAt.UtcDateTime;
        _items.Upsert(record);
        return record;
    }

    public void Save(ConversationRecord record) => _items.Upsert(record);

    public ConversationRecord? Find(string id) => _items.FindById(id);

    /// <summary>The 1:1 chat with a user, by Entra object id or Teams id; null when never installed.</summary>
    public ConversationRecord? FindPersonal(string? aadObjectId, string? userId)
    {
        var hit = aadObjectId is null ? null : _items.FindOne(x => x.UserAadObjectId == aadObjectId && x.Scope == "Personal" && x.RemovedAt == null);
        return hit ?? (userId is null ? null : _items.FindOne(x => x.UserId == userId && x.Scope == "Personal" && x.RemovedAt == null));
    }

    public static ConversationRef ToRef(ConversationRecord r) => new(
        r.ServiceUrl, r.Id, r.TenantId, r.BotId, r.BotName, Enum.Parse<ConversationScope>(r.Scope),
        r.UserId, r.UserAadObjectId, r.TeamId, r.ChannelId);
}
