using System.Data.Common;
using Npgsql;
using VocEdWeek.Bot.Features.Exports;

namespace VocEdWeek.Bot.Storage.PostgreSql.Exports;

/// <summary>Export records in <c>exports</c> (migration 0005); the database's failures come out as <see cref="StorageException"/>.</summary>
public sealed class PgExportStore(PgDatabase db) : IExportStore
{
    private const string Columns = "id, kind, week_id, week_title, file_name, size, sha256, created_at, requested_by_name, requested_by_teams_id, "
        + "requested_by_aad_object_id, storage, location, web_url, fell_back_to_local, local_deleted_at";

    public void Add(ExportRecord record)
    {
        record.Id = Guid.NewGuid().ToString("N");
        Guarded(() => db.Execute($"INSERT INTO exports ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)", Values(record)));
    }

    public ExportRecord? Find(string? id) =>
        string.IsNullOrEmpty(id) ? null : Guarded(() => db.Query($"SELECT {Columns} FROM exports WHERE id = $1", Read, id).SingleOrDefault());

    public void Update(ExportRecord record) => Guarded(() => db.Execute("""
        UPDATE exports SET kind = $2, week_id = $3, week_title = $4, file_name = $5, size = $6, sha256 = $7, created_at = $8,
            requested_by_name = $9, requested_by_teams_id = $10, requested_by_aad_object_id = $11, storage = $12, location = $13,
            web_url = $14, fell_back_to_local = $15, local_deleted_at = $16
        WHERE id = $1
        """, Values(record)));

    public IReadOnlyList<ExportRecord> LocalMadeBefore(DateTime before) => Guarded(() => db.Query(
        $"SELECT {Columns} FROM exports WHERE storage = 'Local' AND local_deleted_at IS NULL AND created_at < $1 ORDER BY created_at", Read, before));

    public IReadOnlyList<ExportRecord> ForWeek(string weekId) =>
        Guarded(() => db.Query($"SELECT {Columns} FROM exports WHERE week_id = $1 ORDER BY created_at, id", Read, weekId));

    private static object?[] Values(ExportRecord r) =>
    [
        r.Id, r.Kind.ToString(), r.WeekId, r.WeekTitle, r.FileName, r.Size, r.Sha256, r.CreatedAt, r.RequestedByName, r.RequestedByTeamsId,
        r.RequestedByAadObjectId, r.Storage.ToString(), r.Location, r.WebUrl, r.FellBackToLocal, r.LocalDeletedAt,
    ];

    private static ExportRecord Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        Kind = Enum.Parse<ExportKind>(r.GetString(1)),
        WeekId = r.GetString(2),
        WeekTitle = r.GetString(3),
        FileName = r.GetString(4),
        Size = r.GetInt64(5),
        Sha256 = r.GetString(6),
        CreatedAt = r.GetDateTime(7),
        RequestedByName = r.GetString(8),
        RequestedByTeamsId = r.GetString(9),
        RequestedByAadObjectId = r.IsDBNull(10) ? null : r.GetString(10),
        Storage = Enum.Parse<ExportStorage>(r.GetString(11)),
        Location = r.GetString(12),
        WebUrl = r.IsDBNull(13) ? null : r.GetString(13),
        FellBackToLocal = r.GetBoolean(14),
        LocalDeletedAt = r.IsDBNull(15) ? null : r.GetDateTime(15),
    };

    private static T Guarded<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (DbException ex)
        {
            throw new StorageException($"The export records could not be read or written: {ex.Message}", ex);
        }
    }
}
