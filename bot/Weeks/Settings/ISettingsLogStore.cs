namespace VocEdWeek.Bot.Weeks.Settings;

/// <summary>"设置记录": every change to a week, kept for good (the office answers for its roster upward).</summary>
public interface ISettingsLogStore
{
    void Add(SettingsLogEntry entry);

    /// <summary>The week's entries, newest first (by <see cref="SettingsLogEntry.At"/>, then revision); at most <paramref name="max"/>.</summary>
    IReadOnlyList<SettingsLogEntry> For(string weekId, int max = int.MaxValue);
}
