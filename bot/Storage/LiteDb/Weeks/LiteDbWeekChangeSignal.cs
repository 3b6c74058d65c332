using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Storage.LiteDb.Weeks;

/// <summary>One process owns the LiteDB file and reloads its own catalog after each change: there is nobody else to tell.</summary>
public sealed class LiteDbWeekChangeSignal : IWeekChangeSignal
{
    public void Publish(string weekId)
    {
    }
}
