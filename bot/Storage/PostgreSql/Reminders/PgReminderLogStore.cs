using Npgsql;
using VocEdWeek.Bot.Features.Reminders;

namespace VocEdWeek.Bot.Storage.PostgreSql.Reminders;

/// <summary>Every reminder decision, in <c>reminder_log</c> (migration 0003); entries of the same instant keep the order they were written in.</summary>
public sealed class PgReminderLogStore(PgDatabase db) : IReminderLogStore
{
    private const string Columns = "id, at, local_day, week_id, trigger, triggered_by, slot_key, person_key, person_name, "
        + "department_id, department_name, item_keys, job_id, skipped";

    public void Add(ReminderLogEntry entry)
    {
        entry.Id = Guid.CreateVersion7().ToString("N");
        db.Execute($"INSERT INTO reminder_log ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
            entry.Id, entry.At, entry.LocalDay, entry.WeekId, entry.Trigger, entry.TriggeredBy, entry.SlotKey, entry.PersonKey, entry.PersonName,
            entry.DepartmentId, entry.DepartmentName, entry.ItemKeys.ToArray(), entry.JobId, entry.Skipped);
    }

    public IReadOnlyList<ReminderLogEntry> SentOn(string weekId, string personKey, string localDay) => db.Query(
        $"SELECT {Columns} FROM reminder_log WHERE week_id = $1 AND person_key = $2 AND local_day = $3 AND job_id IS NOT NULL ORDER BY at, seq",
        Read, weekId, personKey, localDay);

    public IReadOnlyList<ReminderLogEntry> SentSince(string weekId, string personKey, DateTimeOffset since) => db.Query(
        $"SELECT {Columns} FROM reminder_log WHERE week_id = $1 AND person_key = $2 AND at >= $3 AND job_id IS NOT NULL ORDER BY at, seq",
        Read, weekId, personKey, since.UtcDateTime);

    public IReadOnlyList<ReminderLogEntry> Recent(string weekId, int count) => db.Query(
        $"SELECT {Columns} FROM reminder_log WHERE week_id = $1 ORDER BY at DESC, seq DESC LIMIT $2", Read, weekId, count);

    public IReadOnlyList<ReminderLogEntry> All(string weekId) =>
        db.Query($"SELECT {Columns} FROM reminder_log WHERE week_id = $1 ORDER BY at, seq", Read, weekId);

    private static ReminderLogEntry Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        At = r.GetDateTime(1),
        LocalDay = r.GetString(2),
        WeekId = r.GetString(3),
        Trigger = r.GetString(4),
        TriggeredBy = r.IsDBNull(5) ? null : r.GetString(5),
        SlotKey = r.IsDBNull(6) ? null : r.GetString(6),
        PersonKey = r.GetString(7),
        PersonName = r.GetString(8),
        DepartmentId = r.GetString(9),
        DepartmentName = r.GetString(10),
        ItemKeys = [.. r.GetFieldValue<string[]>(11)],
        JobId = r.IsDBNull(12) ? null : r.GetString(12),
        Skipped = r.IsDBNull(13) ? null : r.GetString(13),
    };
}
