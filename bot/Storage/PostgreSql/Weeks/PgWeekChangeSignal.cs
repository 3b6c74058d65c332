using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Storage.PostgreSql.Weeks;

/// <summary>
/// <c>NOTIFY vocedweek_weeks, '&lt;week id&gt;'</c>, which every instance's <see cref="PgWeekChangeListener"/> hears. Inside
/// the change's transaction (the editor publishes there) PostgreSQL delivers it on commit, and not at all on rollback.
/// </summary>
public sealed class PgWeekChangeSignal(PgDatabase db) : IWeekChangeSignal
{
    public const string Channel = "vocedweek_weeks";

    public void Publish(string weekId) => db.Execute("SELECT pg_notify($1, $2)", Channel, weekId);
}
