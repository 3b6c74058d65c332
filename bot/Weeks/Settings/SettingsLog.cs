using LiteDB;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Weeks.Settings;

/// <summary>"设置记录": every change to a week, kept for good (the office answers for its roster upward).</summary>
public sealed class SettingsLog
{
    private readonly ILiteCollection<SettingsLogEntry> _items;
    private readonly ILiteCollection<BsonDocument> _documents;
    private readonly BsonMapper _mapper;

    public SettingsLog(BotDatabase db)
    {
        _items = db.Collection<SettingsLogEntry>("settingslog");
        _items.EnsureIndex(x => x.WeekId);
        _documents = db.Database.GetCollection("settingslog");
        _mapper = db.Database.Mapper;
    }

    public void Add(SettingsLogEntry entry) => _items.Insert(entry);

    /// <summary>Newest first.</summary>
    public IReadOnlyList<SettingsLogEntry> For(string weekId, int max = int.MaxValue) =>
        _documents.Find(Query.EQ(nameof(SettingsLogEntry.WeekId), weekId)).Select(ToEntry)
            .OrderByDescending(x => x.At).ThenByDescending(x => x.Revision).Take(max).ToList();

    /// <summary>
    /// Read as documents, not as entries: entries written before the key became a string carry a LiteDB ObjectId, which
    /// the mapper will not put in a string; their key is read as its 24 hex digits, and the log keeps every entry.
    /// </summary>
    private SettingsLogEntry ToEntry(BsonDocument document)
    {
        if (document["_id"].IsObjectId) document["_id"] = document["_id"].AsObjectId.ToString();
        return _mapper.ToObject<SettingsLogEntry>(document);
    }
}
