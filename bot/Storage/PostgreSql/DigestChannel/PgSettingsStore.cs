using Npgsql;
using VocEdWeek.Bot.Features.DigestChannel;

namespace VocEdWeek.Bot.Storage.PostgreSql.DigestChannel;

/// <summary>Settings changed from Teams, in <c>settings</c> (migration 0004).</summary>
public sealed class PgSettingsStore(PgDatabase db) : ISettingsStore
{
    private const string Columns = "id, value, changed_by, changed_by_name, changed_at, "
        + "previous_value, previous_changed_by, previous_changed_by_name, previous_changed_at";

    public string? Get(string key) => Find(key)?.Value is { Length: > 0 } value ? value : null;

    public Setting? Find(string key) => db.Query($"SELECT {Columns} FROM settings WHERE id = $1", Read, key).SingleOrDefault();

    // One statement: ON CONFLICT locks the stored row, and "settings.…" is that row as it was, so the previous value is
    // the one this change replaced even when another instance sets the key at the same moment.
    public Setting Set(string key, string value, string? changedBy, DateTimeOffset at, string? changedByName = null) => db.Query($"""
        INSERT INTO settings ({Columns}) VALUES ($1, $2, $3, $4, $5, '', NULL, NULL, NULL)
        ON CONFLICT (id) DO UPDATE SET value = excluded.value, changed_by = excluded.changed_by,
            changed_by_name = excluded.changed_by_name, changed_at = excluded.changed_at,
            previous_value = settings.value, previous_changed_by = settings.changed_by,
            previous_changed_by_name = settings.changed_by_name, previous_changed_at = settings.changed_at
        RETURNING {Columns}
        """, Read, key, value, changedBy, changedByName, at.UtcDateTime).Single();

    private static Setting Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        Value = r.GetString(1),
        ChangedBy = Text(r, 2),
        ChangedByName = Text(r, 3),
        ChangedAt = r.GetDateTime(4),
        Previous = new PreviousValue
        {
            Value = r.GetString(5),
            ChangedBy = Text(r, 6),
            ChangedByName = Text(r, 7),
            ChangedAt = r.IsDBNull(8) ? null : r.GetDateTime(8),
        },
    };

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
