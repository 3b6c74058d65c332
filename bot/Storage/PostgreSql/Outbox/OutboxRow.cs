using System.Text.Encodings.Web;
using System.Text.Json;
using Npgsql;
using VocEdWeek.Bot.Outbox;

namespace VocEdWeek.Bot.Storage.PostgreSql.Outbox;

/// <summary>An <c>outbox</c> row as an <see cref="OutboxJob"/> (columns in <c>PgOutboxStore.Columns</c> order), and the recipient as jsonb.</summary>
internal static class OutboxRow
{
    // Get-only members (OutboxRecipient.Key) are derived, not stored.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        IgnoreReadOnlyProperties = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string RecipientJson(OutboxRecipient recipient) => JsonSerializer.Serialize(recipient, Json);

    public static OutboxJob Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        Topic = r.GetString(1),
        Priority = r.GetInt32(2),
        Recipient = JsonSerializer.Deserialize<OutboxRecipient>(r.GetString(3), Json) ?? new(),
        Payload = r.GetString(4),
        WeekId = r.IsDBNull(5) ? null : r.GetString(5),
        DepartmentId = r.IsDBNull(6) ? null : r.GetString(6),
        ItemKeys = [.. r.GetFieldValue<string[]>(7)],
        State = Enum.Parse<OutboxState>(r.GetString(8)),
        Outcome = Enum.Parse<OutboxOutcome>(r.GetString(9)),
        OutcomeDetail = r.IsDBNull(10) ? null : r.GetString(10),
        Attempts = r.GetInt32(11),
        NextAttemptAt = r.GetDateTime(12),
        CreatedAt = r.GetDateTime(13),
        UpdatedAt = r.GetDateTime(14),
        SentAt = r.IsDBNull(15) ? null : r.GetDateTime(15),
        ConversationId = r.IsDBNull(16) ? null : r.GetString(16),
        ActivityId = r.IsDBNull(17) ? null : r.GetString(17),
        ClaimedBy = r.IsDBNull(18) ? null : r.GetString(18),
        ClaimedUntil = r.IsDBNull(19) ? null : r.GetDateTime(19),
    };
}
