using System.Data.Common;
using Npgsql;
using VocEdWeek.Bot.Recommendations;

namespace VocEdWeek.Bot.Storage.PostgreSql.Recommendations;

/// <summary>
/// Picks and nominations in <c>picks</c> (migration 0012); the database's failures come out as <see cref="StorageException"/>.
/// Put and Withdraw are one statement each, so of two submits at once on any instances exactly one changes the row.
/// </summary>
public sealed class PgPickStore(PgDatabase db) : IPickStore
{
    public const string Columns = "id, week_id, source, department_id, item_key, kind, media_id, reason, by_name, by_aad_object_id, at, "
        + "withdrawn_at, withdrawn_by_name";

    // Inserts, or re-activates a withdrawn row; an active row is left as it is (no row changed: false).
    public bool Put(Pick pick)
    {
        pick.Id = Pick.IdOf(pick.WeekId, pick.Source, pick.ItemId);
        pick.WithdrawnAt = null;
        pick.WithdrawnByName = null;
        return Guarded(() => db.Execute($"""
            INSERT INTO picks ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            ON CONFLICT (id) DO UPDATE SET reason = excluded.reason, by_name = excluded.by_name, by_aad_object_id = excluded.by_aad_object_id,
                at = excluded.at, withdrawn_at = NULL, withdrawn_by_name = NULL
            WHERE picks.withdrawn_at IS NOT NULL
            """, Values(pick))) == 1;
    }

    public bool Withdraw(string weekId, PickSource source, string itemId, string byName, DateTime atUtc) => Guarded(() => db.Execute(
        "UPDATE picks SET withdrawn_at = $2, withdrawn_by_name = $3 WHERE id = $1 AND withdrawn_at IS NULL",
        Pick.IdOf(weekId, source, itemId), atUtc, byName)) == 1;

    public IReadOnlyList<Pick> Active(string weekId) =>
        Guarded(() => db.Query($"SELECT {Columns} FROM picks WHERE week_id = $1 AND withdrawn_at IS NULL ORDER BY at, id", Read, weekId));

    public IReadOnlyList<Pick> All(string weekId) =>
        Guarded(() => db.Query($"SELECT {Columns} FROM picks WHERE week_id = $1 ORDER BY at, id", Read, weekId));

    /// <summary>A pick as its row's values, in <see cref="Columns"/> order (also what migrate-storage copies).</summary>
    public static object?[] Values(Pick p) =>
    [
        p.Id, p.WeekId, p.Source.ToString(), p.DepartmentId, p.ItemKey, p.Kind.ToString(), p.MediaId, p.Reason, p.ByName,
        p.ByAadObjectId, p.At, p.WithdrawnAt, p.WithdrawnByName,
    ];

    private static Pick Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        WeekId = r.GetString(1),
        Source = Enum.Parse<PickSource>(r.GetString(2)),
        DepartmentId = r.GetString(3),
        ItemKey = r.GetString(4),
        Kind = Enum.Parse<PickKind>(r.GetString(5)),
        MediaId = r.IsDBNull(6) ? null : r.GetString(6),
        Reason = r.IsDBNull(7) ? null : r.GetString(7),
        ByName = r.GetString(8),
        ByAadObjectId = r.IsDBNull(9) ? null : r.GetString(9),
        At = r.GetDateTime(10),
        WithdrawnAt = r.IsDBNull(11) ? null : r.GetDateTime(11),
        WithdrawnByName = r.IsDBNull(12) ? null : r.GetString(12),
    };

    private static T Guarded<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (DbException ex)
        {
            throw new StorageException($"The picks could not be read or written: {ex.Message}", ex);
        }
    }
}
