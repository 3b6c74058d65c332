namespace VocEdWeek.Bot.Weeks.Store;

/// <summary>
/// Every week the bot knows; <see cref="WeekCatalog"/> reads it, <see cref="Settings.WeekEditor"/> and <see cref="WeekSeeding"/>
/// write it. Ids are matched ignoring case. Writes never overwrite blindly: several instances may change a week at once.
/// </summary>
public interface IWeekStore
{
    IReadOnlyList<StoredWeek> All();

    StoredWeek? Find(string id);

    /// <summary>Adds a week; false (and nothing written) when a week with that id is there already.</summary>
    bool Add(StoredWeek week);

    /// <summary>
    /// Writes <paramref name="week"/> (its <see cref="StoredWeek.Revision"/> already the new one) only while the stored week is
    /// still at <paramref name="expectedRevision"/>: false, and nothing written, when another change came first or the week is gone.
    /// </summary>
    bool Replace(StoredWeek week, int expectedRevision);
}
