using Npgsql;
using VocEdWeek.Bot.Weeks.Store;

namespace VocEdWeek.Bot.Storage.PostgreSql.Weeks;

/// <summary>
/// Every week in <c>weeks</c> (migration 0005). Adding is INSERT … ON CONFLICT DO NOTHING and replacing is a compare-and-set
/// on the revision in one UPDATE, so instances changing the same week at once never overwrite each other.
/// </summary>
public sealed class PgWeekStore(PgDatabase db) : IWeekStore
{
    private const string Columns = "id, json, revision, file_hash, changed_in_teams, archived, created_at, updated_at";

    public IReadOnlyList<StoredWeek> All() => db.Query($"SELECT {Columns} FROM weeks ORDER BY lower(id)", Read);

    public StoredWeek? Find(string id) => db.Query($"SELECT {Columns} FROM weeks WHERE lower(id) = lower($1)", Read, id).SingleOrDefault();

    public bool Add(StoredWeek week) => db.Execute($"""
        INSERT INTO weeks ({Columns}) VALUES ($1, $2::json, $3, $4, $5, $6, $7, $8)
        ON CONFLICT DO NOTHING
        """, week.Id, week.Json, week.Revision, week.FileHash, week.ChangedInTeams, week.Archived, week.CreatedAt, week.UpdatedAt) == 1;

    public bool Replace(StoredWeek week, int expectedRevision) => db.Execute("""
        UPDATE weeks SET json = $3::json, revision = $4, file_hash = $5, changed_in_teams = $6, archived = $7, created_at = $8, updated_at = $9
        WHERE lower(id) = lower($1) AND revision = $2
        """, week.Id, expectedRevision, week.Json, week.Revision, week.FileHash, week.ChangedInTeams, week.Archived, week.CreatedAt, week.UpdatedAt) == 1;

    private static StoredWeek Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        Json = r.GetString(1),
        Revision = r.GetInt32(2),
        FileHash = r.IsDBNull(3) ? null : r.GetString(3),
        ChangedInTeams = r.GetBoolean(4),
        Archived = r.GetBoolean(5),
        CreatedAt = r.GetDateTime(6),
        UpdatedAt = r.GetDateTime(7),
    };
}
