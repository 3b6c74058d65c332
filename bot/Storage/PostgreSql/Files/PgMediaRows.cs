using Npgsql;
using VocEdWeek.Bot.Files;

namespace VocEdWeek.Bot.Storage.PostgreSql.Files;

/// <summary>How a <see cref="MediaRecord"/> maps to a row of <c>media</c> (migration 0006): one column per property, in this order.</summary>
internal static class PgMediaRows
{
    public const string Columns = """
        id, week_id, department_id, item_key, file_name, original_name, kind, size, sha256, location, web_url, received_at,
        from_name, from_aad_object_id, source_key, batch_id, state, refused_reason, download_url, needs_bot_token,
        download_attempts, batch_overflow, conversation_id, locale, remote, remote_item_id, remote_path, remote_attempts,
        remote_uploaded_at, remote_next_attempt_at, remote_error, remote_error_detail, remote_session_url, local_deleted,
        claimed_by, claimed_until
        """;

    public const int Count = 36;

    /// <summary>"$1, $2, … $36": the values of <see cref="Values"/>.</summary>
    public static readonly string Parameters = string.Join(", ", Enumerable.Range(1, Count).Select(i => $"${i}"));

    /// <summary>The record's values in <see cref="Columns"/> order. Enums are kept as their numbers, like LiteDB keeps them.</summary>
    public static object?[] Values(MediaRecord m) =>
    [
        m.Id, m.WeekId ?? "", m.DepartmentId ?? "", m.ItemKey ?? "", m.FileName ?? "", m.OriginalName ?? "", (int)m.Kind, m.Size,
        m.Sha256 ?? "", m.Location ?? "", m.WebUrl, m.ReceivedAt,
        m.FromName ?? "", m.FromAadObjectId, m.SourceKey, m.BatchId ?? "", (int)m.State, m.RefusedReason, m.DownloadUrl, m.NeedsBotToken,
        m.DownloadAttempts, m.BatchOverflow, m.ConversationId ?? "", m.Locale ?? "", (int)m.Remote, m.RemoteItemId, m.RemotePath, m.RemoteAttempts,
        m.RemoteUploadedAt, m.RemoteNextAttemptAt, m.RemoteError, m.RemoteErrorDetail, m.RemoteSessionUrl, m.LocalDeleted,
        m.ClaimedBy, m.ClaimedUntil,
    ];

    public static MediaRecord Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        WeekId = r.GetString(1),
        DepartmentId = r.GetString(2),
        ItemKey = r.GetString(3),
        FileName = r.GetString(4),
        OriginalName = r.GetString(5),
        Kind = (MediaKind)r.GetInt32(6),
        Size = r.GetInt64(7),
        Sha256 = r.GetString(8),
        Location = r.GetString(9),
        WebUrl = Text(r, 10),
        ReceivedAt = r.GetDateTime(11),
        FromName = r.GetString(12),
        FromAadObjectId = Text(r, 13),
        SourceKey = Text(r, 14),
        BatchId = r.GetString(15),
        State = (MediaState)r.GetInt32(16),
        RefusedReason = Text(r, 17),
        DownloadUrl = Text(r, 18),
        NeedsBotToken = r.GetBoolean(19),
        DownloadAttempts = r.GetInt32(20),
        BatchOverflow = r.GetInt32(21),
        ConversationId = r.GetString(22),
        Locale = r.GetString(23),
        Remote = (RemoteState)r.GetInt32(24),
        RemoteItemId = Text(r, 25),
        RemotePath = Text(r, 26),
        RemoteAttempts = r.GetInt32(27),
        RemoteUploadedAt = Instant(r, 28),
        RemoteNextAttemptAt = Instant(r, 29),
        RemoteError = Text(r, 30),
        RemoteErrorDetail = Text(r, 31),
        RemoteSessionUrl = Text(r, 32),
        LocalDeleted = r.GetBoolean(33),
        ClaimedBy = Text(r, 34),
        ClaimedUntil = Instant(r, 35),
    };

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTime? Instant(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDateTime(i);
}
