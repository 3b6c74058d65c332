using System.Text.Json;
using Npgsql;
using VocEdWeek.Bot.Features.Settings;

namespace VocEdWeek.Bot.Storage.PostgreSql.Settings;

/// <summary>
/// Pending settings changes in <c>settingspending</c> (migration 0005), the proposal as jsonb. A claim is one
/// UPDATE … WHERE done_at IS NULL: of two presses on any instances, exactly one changes the row.
/// </summary>
public sealed class PgPendingChangeStore(PgDatabase db) : IPendingChangeStore
{
    // The proposal's computed Person is not data.
    private static readonly JsonSerializerOptions Json = new() { IgnoreReadOnlyProperties = true };

    private const string Columns = "id, week_id, proposal, asked_by_teams_id, asked_by_name, created_at, expires_at, done_at, outcome";

    public PendingChange Add(PendingChange change)
    {
        change.Id = Guid.NewGuid().ToString("N");
        db.Execute($"INSERT INTO settingspending ({Columns}) VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9)",
            change.Id, change.WeekId, JsonSerializer.Serialize(change.Proposal, Json), change.AskedByTeamsId, change.AskedByName,
            change.CreatedAt, change.ExpiresAt, change.DoneAt, change.Outcome);
        return change;
    }

    public PendingChange? Find(string? id) =>
        string.IsNullOrEmpty(id) ? null : db.Query($"SELECT {Columns} FROM settingspending WHERE id = $1", Read, id).SingleOrDefault();

    public bool TryClaim(PendingChange change, DateTime now)
    {
        if (db.Execute("UPDATE settingspending SET done_at = $2 WHERE id = $1 AND done_at IS NULL", change.Id, now) != 1) return false;
        change.DoneAt = now;
        return true;
    }

    public void Finish(PendingChange change, string outcome)
    {
        change.Outcome = outcome;
        db.Execute("UPDATE settingspending SET done_at = $2, outcome = $3 WHERE id = $1", change.Id, change.DoneAt, outcome);
    }

    private static PendingChange Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        WeekId = r.GetString(1),
        Proposal = JsonSerializer.Deserialize<SettingsProposal>(r.GetString(2), Json) ?? new(),
        AskedByTeamsId = r.GetString(3),
        AskedByName = r.GetString(4),
        CreatedAt = r.GetDateTime(5),
        ExpiresAt = r.GetDateTime(6),
        DoneAt = r.IsDBNull(7) ? null : r.GetDateTime(7),
        Outcome = r.IsDBNull(8) ? null : r.GetString(8),
    };
}
