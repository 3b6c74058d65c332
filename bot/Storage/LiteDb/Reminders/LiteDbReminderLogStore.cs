using LiteDB;
using VocEdWeek.Bot.Features.Reminders;

namespace VocEdWeek.Bot.Storage.LiteDb.Reminders;

/// <summary>Every reminder decision, in the LiteDB file ("reminder_log").</summary>
public sealed class LiteDbReminderLogStore : IReminderLogStore
{
    private readonly ILiteCollection<ReminderLogEntry> _items;

    public LiteDbReminderLogStore(BotDatabase db)
    {
        _items = db.Collection<ReminderLogEntry>("reminder_log");
        _items.EnsureIndex(x => x.PersonKey);
        _items.EnsureIndex(x => x.WeekId);
        _items.EnsureIndex(x => x.At);
    }

    public void Add(ReminderLogEntry entry)
    {
        entry.Id = ObjectId.NewObjectId().ToString();
        _items.Insert(entry);
    }

    public IReadOnlyList<ReminderLogEntry> SentOn(string weekId, string personKey, string localDay) =>
        _items.Find(x => x.PersonKey == personKey && x.WeekId == weekId && x.LocalDay == localDay && x.JobId != null).ToList();

    public IReadOnlyList<ReminderLogEntry> SentSince(string weekId, string personKey, DateTimeOffset since)
    {
        var at = since.UtcDateTime;
        return _items.Find(x => x.PersonKey == personKey && x.WeekId == weekId && x.At >= at && x.JobId != null).ToList();
    }

    public IReadOnlyList<ReminderLogEntry> Recent(string weekId, int count) =>
        _items.Query().Where(x => x.WeekId == weekId).OrderByDescending(x => x.At).Limit(count).ToList();

    public IReadOnlyList<ReminderLogEntry> All(string weekId) => _items.Find(x => x.WeekId == weekId).OrderBy(x => x.At).ToList();
}
