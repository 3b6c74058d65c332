namespace VocEdWeek.Bot.Platform;

/// <summary>
/// "First one wins" on a key across every instance of the bot: an activity Teams delivered to two instances is run by
/// the one that claims its key first. It lives here, not in Protocol/, because the stores implement it and Protocol
/// may not know them (one LiteDB process has no other instance: its in-memory de-duplication suffices).
/// </summary>
public interface IOnceClaims
{
    /// <summary>True for the first claim of <paramref name="key"/> by any instance since it was last forgotten.</summary>
    bool TryClaim(string key);

    /// <summary>Forgets claims made more than <paramref name="age"/> ago, so the table stays small.</summary>
    void Forget(TimeSpan age);
}
