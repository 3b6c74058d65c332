namespace VocEdWeek.Bot.Recommendations;

/// <summary>The week's picks and nominations (择优推荐, 自荐).</summary>
public interface IPickStore
{
    /// <summary>
    /// Makes the pick active (insert, or re-activate a withdrawn one with the new reason, who and when). False, and nothing
    /// changed, when the same source already has the item active: a double submit stores once.
    /// </summary>
    bool Put(Pick pick);

    /// <summary>Withdraws an active pick; false when there is none (already withdrawn or never made).</summary>
    bool Withdraw(string weekId, PickSource source, string itemId, string byName, DateTime atUtc);

    /// <summary>The week's active picks and nominations, oldest first.</summary>
    IReadOnlyList<Pick> Active(string weekId);

    /// <summary>Every pick of the week, withdrawn ones included, oldest first.</summary>
    IReadOnlyList<Pick> All(string weekId);
}
