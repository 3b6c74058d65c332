namespace VocEdWeek.Bot.Weeks;

/// <summary>
/// Tells every instance of the bot that a week (its roster, deadlines, settings) changed, so each reloads its
/// <see cref="WeekCatalog"/> within seconds instead of at its own next change. Called inside the write's transaction where
/// there is one: on PostgreSQL the signal then goes out only if the change is committed.
/// </summary>
public interface IWeekChangeSignal
{
    void Publish(string weekId);
}
