using VocEdWeek.Bot.Platform;

namespace VocEdWeek.Bot.Storage.LiteDb.Inbound;

/// <summary>
/// On LiteDB there is one process (the file is opened by one bot only), and its in-memory de-duplication already runs
/// each activity once: every claim is this instance's, and there is nothing kept to forget.
/// </summary>
public sealed class LiteDbOnceClaims : IOnceClaims
{
    public bool TryClaim(string key) => true;

    public void Forget(TimeSpan age)
    {
    }
}
