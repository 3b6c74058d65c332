using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Weeks.Settings;

/// <summary>"设置记录": every change to a week, kept for good (the office answers for its roster upward).</summary>
public sealed class SettingsLog
{
    private readonly LiteDB.ILiteCollection<SettingsLogEntry> _items;

    public SettingsLog(BotDatabase db)
    {
        _items = db.Collection<SettingsLogEntry>("settingslog");
        _items.EnsureIndex(x => x.WeekId);
    }

    public void Add(SettingsLogEntry entry) => _items.Insert(entry);

    /// <summary>Newest first.</summary>
    public IReadOnlyList<SettingsLogEntry> For(string weekId, int max = int.MaxValue) =>
        _items.Find(x => x.WeekId == weekId).OrderByDescending(x => x.At).ThenByDescending(x => x.Revision).Take(max).ToList();
}
