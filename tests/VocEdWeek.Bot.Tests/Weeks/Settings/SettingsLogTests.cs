using LiteDB;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb.Weeks;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks.Settings;

namespace VocEdWeek.Bot.Tests.Weeks.Settings;

/// <summary>
/// The settings log on a real LiteDB file. Its entries' key is a plain string now (no LiteDB type in the model), and
/// the entries an older bot wrote under ObjectId keys are still read: the log is kept for good.
/// </summary>
public sealed class SettingsLogTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly BotDatabase _db;

    public SettingsLogTests() => _db = new BotDatabase(new StorageOptions { Directory = _dir.Path });

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void New_entries_get_their_own_string_keys_and_come_back_newest_first()
    {
        var log = new LiteDbSettingsLogStore(_db);
        log.Add(Entry("w", new DateTime(2024, 5, 14, 1, 0, 0, DateTimeKind.Utc), 1));
        log.Add(Entry("w", new DateTime(2024, 5, 14, 2, 0, 0, DateTimeKind.Utc), 2));
        log.Add(Entry("other", new DateTime(2024, 5, 14, 3, 0, 0, DateTimeKind.Utc), 1));

        var entries = log.For("w");

        Assert.Equal([2, 1], entries.Select(e => e.Revision));
        Assert.Equal(2, entries.Select(e => e.Id).Distinct().Count());
        Assert.All(entries, e => Assert.Equal(32, e.Id.Length));
        Assert.Equal(BsonType.String, _db.Database.GetCollection("settingslog").FindAll().First()["_id"].Type);
    }

    [Fact]
    public void Entries_an_older_bot_wrote_under_ObjectId_keys_are_still_read()
    {
        var old = ObjectId.NewObjectId();
        _db.Database.GetCollection("settingslog").Insert(new BsonDocument
        {
            ["_id"] = old,
            ["WeekId"] = "w",
            ["At"] = new DateTime(2024, 5, 13, 1, 0, 0, DateTimeKind.Utc),
            ["ActorName"] = "王强",
            ["Kind"] = "rename_department",
            ["Subject"] = "jd",
            ["Before"] = "机电工程学院",
            ["After"] = "智能制造学院",
            ["Revision"] = 1,
        });
        var log = new LiteDbSettingsLogStore(_db);
        log.Add(Entry("w", new DateTime(2024, 5, 14, 1, 0, 0, DateTimeKind.Utc), 2));

        var entries = log.For("w");

        Assert.Equal([2, 1], entries.Select(e => e.Revision));
        Assert.Equal(old.ToString(), entries[1].Id);
        Assert.Equal("智能制造学院", entries[1].After);
    }

    private static SettingsLogEntry Entry(string weekId, DateTime at, int revision) => new()
    {
        WeekId = weekId, At = at, ActorName = "王强", Kind = "rename_department", Subject = "jd", Before = "a", After = "b", Revision = revision,
    };
}
