using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Storage.LiteDb.Conversation;

/// <summary>The store's other writes: each waits for its commit (installs, removals, chats the bot opened).</summary>
public sealed partial class LiteDbConversationStore
{
    public void Save(ConversationRecord record) => Written(record.Id, () => _items.Upsert(record));

    public bool MarkInstalled(ConversationRecord record, DateTime at) => Written(record.Id, () =>
    {
        var current = _items.FindById(record.Id) ?? record;
        var welcome = current.WelcomedAt is null || current.RemovedAt is not null;
        current.InstalledAt ??= at;
        current.RemovedAt = null;
        if (welcome) current.WelcomedAt = at;
        _items.Upsert(current);
        return welcome;
    });

    public void MarkRemoved(ConversationRecord record, DateTime at)
    {
        Written(record.Id, () =>
        {
            var current = _items.FindById(record.Id) ?? record;
            current.RemovedAt = at;
            return _items.Upsert(current);
        });
        // It may have been its tenant's last live conversation: asked again before a reference there is written behind.
        _tenants.Forget();
    }

    public ConversationRecord SaveOpened(ConversationRef opened, string? userName, DateTimeOffset at) => Written(opened.ConversationId, () =>
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
    });

    public void MarkGone(string id, DateTimeOffset at)
    {
        Written(id, () =>
        {
            if (_items.FindById(id) is not { } record) return false;
            record.RemovedAt = at.UtcDateTime;
            return _items.Update(record);
        });
        _tenants.Forget();
    }

    /// <summary>A write of <paramref name="id"/>, committed when this returns (the id counted as stored from before it is queued).</summary>
    private T Written<T>(string id, Func<T> write)
    {
        Writing(id);
        return Dropped(id, _write.Write(write));
    }
}
