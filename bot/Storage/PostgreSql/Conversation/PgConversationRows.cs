using Npgsql;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Storage.PostgreSql.Conversation;

/// <summary>How a <see cref="ConversationRecord"/> is a row of <c>conversations</c> (migration 0004).</summary>
internal static class PgConversationRows
{
    public const string Columns = "id, service_url, tenant_id, bot_id, bot_name, scope, user_id, user_aad_object_id, user_name, "
        + "team_id, channel_id, locale, installed_at, removed_at, welcomed_at, updated_at";

    /// <summary><see cref="Columns"/> as parameters $1 … $16, in <see cref="Values"/>' order.</summary>
    public const string Parameters = "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16";

    /// <summary>Every column but the id set from the row being inserted (for ON CONFLICT … DO UPDATE).</summary>
    public const string AllFromExcluded = "service_url = excluded.service_url, tenant_id = excluded.tenant_id, bot_id = excluded.bot_id, "
        + "bot_name = excluded.bot_name, scope = excluded.scope, user_id = excluded.user_id, user_aad_object_id = excluded.user_aad_object_id, "
        + "user_name = excluded.user_name, team_id = excluded.team_id, channel_id = excluded.channel_id, locale = excluded.locale, "
        + "installed_at = excluded.installed_at, removed_at = excluded.removed_at, welcomed_at = excluded.welcomed_at, updated_at = excluded.updated_at";

    public static object?[] Values(ConversationRecord r) =>
    [
        r.Id, r.ServiceUrl, r.TenantId, r.BotId, r.BotName, r.Scope, r.UserId, r.UserAadObjectId, r.UserName,
        r.TeamId, r.ChannelId, r.Locale, r.InstalledAt, r.RemovedAt, r.WelcomedAt, r.UpdatedAt,
    ];

    public static ConversationRecord Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        ServiceUrl = r.GetString(1),
        TenantId = Text(r, 2),
        BotId = Text(r, 3),
        BotName = Text(r, 4),
        Scope = r.GetString(5),
        UserId = Text(r, 6),
        UserAadObjectId = Text(r, 7),
        UserName = Text(r, 8),
        TeamId = Text(r, 9),
        ChannelId = Text(r, 10),
        Locale = Text(r, 11),
        InstalledAt = Time(r, 12),
        RemovedAt = Time(r, 13),
        WelcomedAt = Time(r, 14),
        UpdatedAt = r.GetDateTime(15),
    };

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTime? Time(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDateTime(i);
}
