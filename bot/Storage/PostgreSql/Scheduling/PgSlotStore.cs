using Npgsql;
using VocEdWeek.Bot.Scheduling;

namespace VocEdWeek.Bot.Storage.PostgreSql.Scheduling;

/// <summary>Slots already dealt with, in <c>schedule_slots</c> (migration 0001).</summary>
public sealed class PgSlotStore(PgDatabase db) : ISlotStore
{
    private const string Columns = "id, source, at, recorded_at, missed, result";

    public bool IsDone(string key) => db.Scalar<bool>("SELECT EXISTS (SELECT 1 FROM schedule_slots WHERE id = $1)", key);

    public void Record(SlotRecord record) => db.Execute($"""
        INSERT INTO schedule_slots ({Columns}) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (id) DO UPDATE SET source = excluded.source, at = excluded.at, recorded_at = excluded.recorded_at,
            missed = excluded.missed, result = excluded.result
        """, record.Id, record.Source, record.At, record.RecordedAt, record.Missed, record.Result);

    public SlotRecord? Find(string key) => db.Query($"SELECT {Columns} FROM schedule_slots WHERE id = $1", Read, key).SingleOrDefault();

    public IReadOnlyList<SlotRecord> All() => db.Query($"SELECT {Columns} FROM schedule_slots ORDER BY at, id", Read);

    private static SlotRecord Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        Source = r.GetString(1),
        At = r.GetDateTime(2),
        RecordedAt = r.GetDateTime(3),
        Missed = r.GetBoolean(4),
        Result = r.GetString(5),
    };
}
