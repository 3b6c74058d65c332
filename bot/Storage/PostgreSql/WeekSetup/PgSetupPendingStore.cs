using Npgsql;
using VocEdWeek.Bot.Features.WeekSetup;

namespace VocEdWeek.Bot.Storage.PostgreSql.WeekSetup;

/// <summary>
/// Drafts and roster imports in <c>setuppending</c> (migration 0005). A claim is one UPDATE … WHERE done_at IS NULL, so of two
/// presses on any instances exactly one gets it.
/// </summary>
public sealed class PgSetupPendingStore(PgDatabase db, TimeProvider time) : ISetupPendingStore
{
    private const string Columns = "id, kind, week_id, revision, payload, source, requested_by, created_at, done_at, outcome";

    public SetupPending Add(string kind, string payload, string source, string requestedBy, string? weekId = null, int revision = 0)
    {
        var pending = SetupPending.New(kind, payload, source, requestedBy, weekId, revision, time.GetUtcNow().UtcDateTime);
        db.Execute($"INSERT INTO setuppending ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, NULL)",
            pending.Id, pending.Kind, pending.WeekId, pending.Revision, pending.Payload, pending.Source, pending.RequestedBy, pending.CreatedAt);
        return pending;
    }

    public SetupPending? Find(string? id, string kind) => string.IsNullOrEmpty(id)
        ? null
        : SetupPending.Valid(db.Query($"SELECT {Columns} FROM setuppending WHERE id = $1", Read, id).SingleOrDefault(), kind, time.GetUtcNow().UtcDateTime);

    public bool TryClaim(SetupPending pending)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (db.Execute("UPDATE setuppending SET done_at = $2 WHERE id = $1 AND done_at IS NULL", pending.Id, now) != 1) return false;
        pending.DoneAt = now;
        return true;
    }

    public void Release(SetupPending pending)
    {
        pending.DoneAt = null;
        db.Execute("UPDATE setuppending SET done_at = NULL, outcome = $2 WHERE id = $1", pending.Id, pending.Outcome);
    }

    public void Done(SetupPending pending, string outcome)
    {
        pending.DoneAt ??= time.GetUtcNow().UtcDateTime;
        pending.Outcome = outcome;
        db.Execute("UPDATE setuppending SET done_at = $2, outcome = $3 WHERE id = $1", pending.Id, pending.DoneAt, outcome);
    }

    private static SetupPending Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        Kind = r.GetString(1),
        WeekId = r.IsDBNull(2) ? null : r.GetString(2),
        Revision = r.GetInt32(3),
        Payload = r.GetString(4),
        Source = r.GetString(5),
        RequestedBy = r.GetString(6),
        CreatedAt = r.GetDateTime(7),
        DoneAt = r.IsDBNull(8) ? null : r.GetDateTime(8),
        Outcome = r.IsDBNull(9) ? null : r.GetString(9),
    };
}
