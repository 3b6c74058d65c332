using Npgsql;
using VocEdWeek.Bot.Weeks.Settings;

namespace VocEdWeek.Bot.Storage.PostgreSql.Weeks;

/// <summary>The settings log in <c>settingslog</c> (migration 0005).</summary>
public sealed class PgSettingsLogStore(PgDatabase db) : ISettingsLogStore
{
    private const string Columns = "id, week_id, at, actor_name, actor_key, kind, subject, before, after, revision";

    public void Add(SettingsLogEntry entry) => db.Execute($"INSERT INTO settingslog ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        entry.Id, entry.WeekId, entry.At, entry.ActorName, entry.ActorKey, entry.Kind, entry.Subject, entry.Before, entry.After, entry.Revision);

    public IReadOnlyList<SettingsLogEntry> For(string weekId, int max = int.MaxValue) =>
        db.Query($"SELECT {Columns} FROM settingslog WHERE week_id = $1 ORDER BY at DESC, revision DESC LIMIT $2", Read, weekId, (long)max);

    private static SettingsLogEntry Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        WeekId = r.GetString(1),
        At = r.GetDateTime(2),
        ActorName = r.GetString(3),
        ActorKey = r.IsDBNull(4) ? null : r.GetString(4),
        Kind = r.GetString(5),
        Subject = r.GetString(6),
        Before = r.GetString(7),
        After = r.GetString(8),
        Revision = r.GetInt32(9),
    };
}
