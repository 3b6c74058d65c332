using VocEdWeek.Bot.Platform;

namespace VocEdWeek.Bot.Storage.PostgreSql.Inbound;

/// <summary>
/// Claims in <c>activity_claims</c> (migration 0007): the primary key decides, so of any number of instances claiming one
/// key at once exactly one inserts its row. Times are the database's, the one clock every instance shares (a rehearsal
/// clock differs per process).
/// </summary>
public sealed class PgOnceClaims(PgDatabase db, InstanceName instance) : IOnceClaims
{
    public bool TryClaim(string key) =>
        db.Execute("INSERT INTO activity_claims (key, instance, claimed_at) VALUES ($1, $2, now()) ON CONFLICT (key) DO NOTHING",
            key, instance.Value) == 1;

    public void Forget(TimeSpan age) => db.Execute("DELETE FROM activity_claims WHERE claimed_at < now() - $1", age);
}
