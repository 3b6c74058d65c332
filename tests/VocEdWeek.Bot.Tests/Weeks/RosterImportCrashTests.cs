using LiteDB.Engine;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Storage.LiteDb;
using VocEdWeek.Bot.Storage.LiteDb.Weeks;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;
using VocEdWeek.Bot.Weeks.Settings.Changes;
using VocEdWeek.Bot.Weeks.Store;

namespace VocEdWeek.Bot.Tests.Weeks;

/// <summary>
/// Nothing lost: a roster import whose write fails half-way — the new roster written, its log entry not (the disk gives
/// out between the two) — leaves the old roster whole, in the database file and in what every feature sees.
/// </summary>
public sealed class RosterImportCrashTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 5, 14, 2, 0, 0, TimeSpan.Zero));

    private string DbPath => Path.Combine(_dir.Path, "vocedweek.db");

    [Fact]
    public void TheDiskGivingOutBetweenTheRosterAndItsLogEntry_LeavesTheOldRoster()
    {
        var writesLeft = int.MaxValue;
        using (var db = new BotDatabase(() => new LiteEngine(new EngineSettings { Filename = DbPath }), () =>
        {
            if (writesLeft-- <= 0) throw new IOException("No space left on device");
        }))
        {
            var catalog = TestWeeks.Catalog(db, _clock, Path.Combine(RepoPaths.Samples, "2024-wuxi.json"));
            var editor = new WeekEditor(new LiteDbWeekStore(db), new LiteDbSettingsLogStore(db), new LiteDbAtomicWrites(db), catalog, _clock, NullLogger<WeekEditor>.Instance);
            var imported = new List<Department> { new() { Id = "d01", Name = "智能制造学院", Liaisons = [new Person { Name = "李明", Email = "liming@college.example.edu.cn" }] } };

            writesLeft = 1; // the week's document goes in; the log entry does not
            Assert.ThrowsAny<IOException>(() => editor.Apply("2024-wuxi", new ReplaceRoster(imported, "名单.xlsx"), new Actor("王强", "wq")));

            Assert.Equal(5, catalog.Active!.Definition.Departments.Count);
            Assert.Equal("zhangwei@college.example.edu.cn", catalog.Active.Roster.Find(null, "zhangwei@college.example.edu.cn")!.Person.Email);
        }

        using var reopened = new BotDatabase(new StorageOptions { Directory = _dir.Path });
        var stored = new LiteDbWeekStore(reopened).Find("2024-wuxi")!;
        Assert.Equal(1, stored.Revision);
        Assert.Equal(5, WeekJson.Read(stored.Json).Departments.Count);
        Assert.Empty(new LiteDbSettingsLogStore(reopened).For("2024-wuxi"));
    }

    public void Dispose() => _dir.Dispose();
}
