using VocEdWeek.Bot.Conversation;
using static VocEdWeek.Bot.Storage.PostgreSql.Conversation.PgConversationRows;

namespace VocEdWeek.Bot.Storage.PostgreSql.Conversation;

/// <summary>
/// Conversation references in <c>conversations</c> (migration 0004). Several instances write them, so a change that
/// depends on what is stored locks the row for its transaction (<see cref="Change{T}"/>) instead of an in-process lock.
/// </summary>
public sealed class PgConversationStore(PgDatabase db) : IConversationStore
{
    private const string Live = "removed_at IS NULL";

    public ConversationRecord Touch(TurnContext turn) => Change(ConversationRefresh.IdOf(turn.Conversation), existing =>
        ConversationRefresh.Apply(existing, turn, FindPersonal) is { } record ? (record, record) : (existing!, null));

    public void Save(ConversationRecord record) =>
        db.Execute($"INSERT INTO conversations ({Columns}) VALUES ({Parameters}) ON CONFLICT (id) DO UPDATE SET {AllFromExcluded}", Values(record));

    public bool MarkInstalled(ConversationRecord record, DateTime at) => Change(record.Id, existing =>
    {
        var current = existing ?? record.Copy();
        var welcome = current.WelcomedAt is null || current.RemovedAt is not null;
        current.InstalledAt ??= at;
        current.RemovedAt = null;
        if (welcome) current.WelcomedAt = at;
        return (welcome, current);
    });

    public void MarkRemoved(ConversationRecord record, DateTime at)
    {
        var removed = record.Copy();
        removed.RemovedAt = at;
        // One statement: a stored record keeps everything but removed_at; an unknown one is added as given.
        db.Execute($"INSERT INTO conversations ({Columns}) VALUES ({Parameters}) ON CONFLICT (id) DO UPDATE SET removed_at = excluded.removed_at",
            Values(removed));
    }

    public ConversationRecord? Find(string id) => One("id = $1", id);

    public ConversationRecord? FindPersonal(string? aadObjectId, string? userId) =>
        (aadObjectId is null ? null : One($"user_aad_object_id = $1 AND scope = 'Personal' AND {Live} ORDER BY id", aadObjectId))
        ?? (userId is null ? null : One($"user_id = $1 AND scope = 'Personal' AND {Live} ORDER BY id", userId));

    public ConversationRecord? LatestOfTenant(string? tenantId) => tenantId is null
        ? One($"{Live} AND tenant_id IS NOT NULL ORDER BY updated_at DESC, id")
        : One($"{Live} AND tenant_id = $1 ORDER BY updated_at DESC, id", tenantId);

    public IReadOnlyList<ConversationRecord> Teams(string? tenantId) => db.Query(
        $"SELECT DISTINCT ON (team_id) {Columns} FROM conversations WHERE {Live} AND team_id IS NOT NULL "
        + (tenantId is null ? "" : "AND tenant_id = $1 ") + "ORDER BY team_id, updated_at DESC, id",
        Read, tenantId is null ? [] : [tenantId]);

    public ConversationRecord SaveOpened(ConversationRef opened, string? userName, DateTimeOffset at) => db.Query($"""
        INSERT INTO conversations (id, service_url, tenant_id, bot_id, scope, user_id, user_aad_object_id, user_name, updated_at)
        VALUES ($1, $2, $3, $4, 'Personal', $5, $6, $7, $8)
        ON CONFLICT (id) DO UPDATE SET service_url = excluded.service_url,
            tenant_id = COALESCE(excluded.tenant_id, conversations.tenant_id), bot_id = COALESCE(excluded.bot_id, conversations.bot_id),
            scope = excluded.scope, user_id = COALESCE(excluded.user_id, conversations.user_id),
            user_aad_object_id = COALESCE(excluded.user_aad_object_id, conversations.user_aad_object_id),
            user_name = COALESCE(conversations.user_name, excluded.user_name), removed_at = NULL, updated_at = excluded.updated_at
        RETURNING {Columns}
        """, Read, opened.ConversationId, opened.ServiceUrl, opened.TenantId, opened.BotId, opened.UserId, opened.UserAadObjectId,
        userName, at.UtcDateTime).Single();

    public void MarkGone(string id, DateTimeOffset at) => db.Execute("UPDATE conversations SET removed_at = $2 WHERE id = $1", id, at.UtcDateTime);

    private ConversationRecord? One(string where, params object?[] args) =>
        db.Query($"SELECT {Columns} FROM conversations WHERE {where} LIMIT 1", Read, args).SingleOrDefault();

    /// <summary>
    /// A read-modify-write of one record in one transaction, its row locked (SELECT … FOR UPDATE) so that the same change
    /// on another instance waits and then sees this one's result. <paramref name="change"/> answers what to return and
    /// what to write (null: nothing). A record not stored yet is inserted with ON CONFLICT DO NOTHING; when another
    /// instance inserted it meanwhile, the change is worked out again on that row, now locked.
    /// </summary>
    private T Change<T>(string id, Func<ConversationRecord?, (T Result, ConversationRecord? Write)> change) => db.InTransaction(_ =>
    {
        while (true)
        {
            var existing = db.Query($"SELECT {Columns} FROM conversations WHERE id = $1 FOR UPDATE", Read, id).SingleOrDefault();
            var (result, write) = change(existing);
            if (write is null) return result;
            if (existing is not null)
            {
                Save(write);
                return result;
            }
            if (db.Execute($"INSERT INTO conversations ({Columns}) VALUES ({Parameters}) ON CONFLICT (id) DO NOTHING", Values(write)) == 1)
                return result;
        }
    });
}
