using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Storage.LiteDb.Conversation;

/// <summary>The store's other writes: each waits for its commit (installs, removals, chats the bot opened).</summary>
public sealed partial class LiteDbConversationStore
{
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

    public void MarkRemoved(ConversationRecord record, DateTime at) => Forgotten(Dropped(record.Id, _write.Write(() =>
    {
        var current = _items.FindById(record.Id) ?? record;
        current.RemovedAt = at;
        return _items.Upsert(current);
    })));

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

    public void MarkGone(string id, DateTimeOffset at) => Forgotten(Dropped(id, _write.Write(() =>
    {
        if (_items.FindById(id) is not { } record) return false;
        record.RemovedAt = at.UtcDateTime;
        return _items.Update(record);
    })));

    // A removal may leave a tenant without a live conversation: asked again before its next reference is written behind.
    private void Forgotten(bool _) => _tenants.Forget();
}
