using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;
using VocEdWeek.Bot.Weeks.Settings.Changes;
using VocEdWeek.Bot.Weeks.Store;

namespace VocEdWeek.Bot.Tests.Weeks;

/// <summary>
/// Weeks live in the database: the file seeds it once, several years are kept, the active one follows the calendar, and a
/// change is seen by the catalog at once.
/// </summary>
public sealed class WeekCatalogTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly TestStores _stores;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public WeekCatalogTests() => _stores = new TestStores(Path.Combine(_dir.Path, "data"));

    private static readonly string Wuxi = Path.Combine(RepoPaths.Samples, "2024-wuxi.json");

    private string WeekFile(string id, string start, string end, string? title = null)
    {
        var week = JsonNode.Parse(File.ReadAllText(Wuxi))!;
        week["id"] = id;
        week["start"] = start;
        week["end"] = end;
        week["title"] = title ?? id;
        week["deadlines"] = new JsonObject { ["dailyReport"] = "12:00" };
        var file = Path.Combine(_dir.Path, id + ".json");
        File.WriteAllText(file, week.ToJsonString());
        return file;
    }

    private WeekCatalog Catalog(params string[] files) => TestWeeks.Catalog(_stores.Get<IWeekStore>(), _clock, files);

    [Fact]
    public void TheWeekFile_SeedsTheDatabase_AndTheWeekIsThereWithoutTheFile()
    {
        Catalog(Wuxi);

        var again = new WeekCatalog(_stores.Get<IWeekStore>(), OfficeAdmins.None, _clock);

        Assert.Equal("2024-wuxi", again.Active!.Definition.Id);
        Assert.Equal(5, again.Active.Definition.Departments.Count);
    }

    [Fact]
    public void AnEditedFile_IsTakenAgain_UntilTheWeekIsChangedInTeams_ThenTeamsWins()
    {
        var file = WeekFile("2025-x", "2025-05-11", "2025-05-17", "first");
        Catalog(file);
        WeekFile("2025-x", "2025-05-11", "2025-05-17", "edited");
        Assert.Equal("edited", Catalog(file).Find("2025-x")!.Definition.Title);

        var catalog = Catalog(file);
        var editor = new WeekEditor(_stores.Get<IWeekStore>(), _stores.Get<ISettingsLogStore>(), _stores.Get<IAtomicWrites>(), catalog, _clock, NullLogger<WeekEditor>.Instance);
        Assert.True(editor.Apply("2025-x", new AddDepartment("智能制造学院"), new Actor("王强", "wq@college.example.edu.cn")).Applied);
        WeekFile("2025-x", "2025-05-11", "2025-05-17", "edited again");

        var after = Catalog(file).Find("2025-x")!.Definition;
        Assert.Equal("edited", after.Title);
        Assert.Contains(after.Departments, d => d.Name == "智能制造学院");
    }

    [Theory]
    [InlineData("2024-05-10T00:00:00+08:00", "2024")] // before 2024's week: the next to start
    [InlineData("2024-05-14T10:00:00+08:00", "2024")] // inside it
    [InlineData("2024-05-19T17:00:00+08:00", "2024")] // after its last day, before its statistics deadline
    [InlineData("2024-06-10T09:00:00+08:00", "2024")] // ended within the late-work window: late reports still come in
    [InlineData("2024-12-01T09:00:00+08:00", "2025")] // long over: the next year's is the one being prepared
    [InlineData("2025-05-13T09:00:00+08:00", "2025")]
    [InlineData("2026-09-01T09:00:00+08:00", "2025")] // nothing next: the latest
    public void TheActiveWeek_IsTheOneRunning_ElseRecentlyEnded_ElseTheNext(string now, string expected)
    {
        var catalog = Catalog(WeekFile("2024", "2024-05-12", "2024-05-18"), WeekFile("2023", "2023-05-07", "2023-05-13"));
        var editor = new WeekEditor(_stores.Get<IWeekStore>(), _stores.Get<ISettingsLogStore>(), _stores.Get<IAtomicWrites>(), catalog, _clock, NullLogger<WeekEditor>.Instance);
        var next = WeekLoader.Load(WeekFile("2025", "2025-05-11", "2025-05-17"));
        Assert.True(editor.Create(next, new Actor("王强", null)).Applied);

        _clock.SetUtcNow(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, catalog.Active!.Definition.Id);
        Assert.Equal(3, catalog.All.Count);
    }

    [Fact]
    public void AnArchivedWeek_IsNeverActive_EvenWhileItsDatesRun()
    {
        _clock.SetUtcNow(new DateTimeOffset(2023, 5, 9, 2, 0, 0, TimeSpan.Zero));

        var catalog = Catalog(WeekFile("2024", "2024-05-12", "2024-05-18"), WeekFile("2023", "2023-05-07", "2023-05-13"));

        Assert.Equal("2024", catalog.Active!.Definition.Id);
        Assert.NotNull(catalog.Find("2023"));
    }

    [Fact]
    public void AChange_IsSeenByTheCatalogAtOnce_AndLoggedWithTheWeekInOneGo()
    {
        var catalog = Catalog(Wuxi);
        var log = _stores.Get<ISettingsLogStore>();
        var editor = new WeekEditor(_stores.Get<IWeekStore>(), log, _stores.Get<IAtomicWrites>(), catalog, _clock, NullLogger<WeekEditor>.Instance);
        var before = catalog.Active!;

        var outcome = editor.Apply("2024-wuxi", new ReplaceLiaison("jd", "zhangwei@college.example.edu.cn",
            new Person { Name = "李明", Email = "liming@college.example.edu.cn" }), new Actor("王强", "wq"));

        Assert.True(outcome.Applied);
        Assert.Null(catalog.Active!.Roster.Find(null, "zhangwei@college.example.edu.cn"));
        Assert.Equal("jd", catalog.Active.Roster.Find(null, "liming@college.example.edu.cn")!.Department!.Id);
        Assert.NotNull(before.Roster.Find(null, "zhangwei@college.example.edu.cn")); // an old snapshot is never changed in place
        var entry = Assert.Single(log.For("2024-wuxi"));
        Assert.Equal(("liaison.replace", "机电工程学院", "王强"), (entry.Kind, entry.Subject, entry.ActorName));
        Assert.Contains("张伟", entry.Before);
        Assert.Contains("李明", entry.After);
        Assert.Equal(2, entry.Revision);
    }

    [Fact]
    public void ARefusedChange_WritesNothing()
    {
        var catalog = Catalog(Wuxi);
        var log = _stores.Get<ISettingsLogStore>();
        var editor = new WeekEditor(_stores.Get<IWeekStore>(), log, _stores.Get<IAtomicWrites>(), catalog, _clock, NullLogger<WeekEditor>.Instance);

        var outcome = editor.Apply("2024-wuxi", new RenameDepartment("jd", "信息工程学院"), new Actor("王强", "wq"));

        Assert.Equal("settings_department_exists", outcome.RefusalKey);
        Assert.Empty(log.For("2024-wuxi"));
        Assert.Equal("机电工程学院", catalog.Active!.Department("jd")!.Name);
        Assert.Equal(1, _stores.Get<IWeekStore>().Find("2024-wuxi")!.Revision);
    }

    [Fact]
    public void OfficeAdmins_AreAdminsOfEveryWeek_AndOfNoWeekAtAll()
    {
        var admins = new OfficeAdmins(["wangqiang@college.example.edu.cn", "ad000000-0000-4000-8000-000000000001"]);
        var catalog = new WeekCatalog(_stores.Get<IWeekStore>(), admins, _clock);

        Assert.Null(catalog.Active);
        Assert.Equal(Role.Admin, catalog.NoWeekRoster.Find(null, "WangQiang@college.example.edu.cn")!.Role);
        Assert.Equal(Role.Admin, catalog.NoWeekRoster.Find("ad000000-0000-4000-8000-000000000001", null)!.Role);
        Assert.Null(catalog.NoWeekRoster.Find(null, "zhangwei@college.example.edu.cn"));
        var ex = Assert.Throws<ConfigurationException>(() => new OfficeAdmins(["王强"]));
        Assert.Contains("Office:Admins", ex.Message);
    }

    public void Dispose()
    {
        _stores.Dispose();
        _dir.Dispose();
    }
}
