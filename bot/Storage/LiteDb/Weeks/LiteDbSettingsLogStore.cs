using LiteDB;
using VocEdWeek.Bot.Weeks.Settings;

namespace VocEdWeek.Bot.Storage.LiteDb.Weeks;

/// <summary>The settings log in the LiteDB file ("settingslog", by week).</summary>
public sealed class LiteDbSettingsLogStore : ISettingsLogStore
{
    private readonly ILiteCollection<SettingsLogEntry> _items;
    private readonly ILiteCollection<BsonDocument> _documents;
    private readonly BsonMapper _mapper;

    public LiteDbSettingsLogStore(BotDatabase db)
    {
        _items = db.Collection<SettingsLogEntry>("settingslog");
        _items.EnsureIndex(x => x.WeekId);
        _documents = db.Database.GetCollection("settingslog");
        _mapper = db.Database.Mapper;
    }

    public void Add(SettingsLogEntry entry) => _items.Insert(entry);

    public IReadOnlyList<SettingsLogEntry> For(string weekId, int max = int.MaxValue) =>
        _documents.Find(Query.EQ(nameof(SettingsLogEntry.WeekId), weekId)).Select(ToEntry)
            .OrderByDescending(x => x.At).ThenByDescending(x => x.Revision).Take(max).ToList();

    /// <summary>
    /// Read as documents, not as entries: entries written before the key became a string carry a LiteDB ObjectId, which
    /// the mapper will not put in a string; their key is read as its 24 hex digits, and the log keeps every entry. LiteDB
    /// keeps an empty string as null: the texts come back as the empty strings they were written as.
    /// </summary>
    private SettingsLogEntry ToEntry(BsonDocument document)
    {
        if (document["_id"].IsObjectId) document["_id"] = document["_id"].AsObjectId.ToString();
        var entry = _mapper.ToObject<SettingsLogEntry>(document);
        entry.WeekId ??= "";
        entry.ActorName ??= "";
        entry.Kind ??= "";
        entry.Subject ??= "";
        entry.Before ??= "";
        entry.After ??= "";
        return entry;
    }
}
