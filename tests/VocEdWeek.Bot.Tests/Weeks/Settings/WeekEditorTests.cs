using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;
using VocEdWeek.Bot.Weeks.Settings.Changes;
using VocEdWeek.Bot.Weeks.Store;

namespace VocEdWeek.Bot.Tests.Weeks.Settings;

/// <summary>The one writer of weeks, on a real LiteDB file (or PostgreSQL database, see TestStorage): the week and its log entry together or not at all; a refusal writes nothing.</summary>
public sealed class WeekEditorTests : IDisposable
{
    private static readonly Actor Wang = new("王强", "ad000000-0000-4000-8000-000000000001");
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 5, 14, 2, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;

    public WeekEditorTests()
    {
        _services = AppServices.Build(new Dictionary<string, string?>
        {
            ["Storage:Directory"] = _dir.Path,
            ["Week:DefinitionFile"] = Path.Combine(RepoPaths.Samples, "2024-wuxi.json"),
        }, _clock, new RecordingMessenger());
        // The catalog seeds the database from the week file when it is first made, as at start-up.
        _services.GetRequiredService<WeekCatalog>();
    }

    private WeekEditor Editor => _services.GetRequiredService<WeekEditor>();
    private IWeekStore Store => _services.GetRequiredService<IWeekStore>();
    private ISettingsLogStore Log => _services.GetRequiredService<ISettingsLogStore>();
    private WeekCatalog Catalog => _services.GetRequiredService<WeekCatalog>();

    [Fact]
    public void AnAppliedChange_StoresTheWeek_LogsIt_AndReloadsTheCatalog()
    {
        var outcome = Editor.Apply("2024-wuxi", new RenameDepartment("jd", "智能制造学院"), Wang);

        Assert.True(outcome.Applied);
        Assert.Equal("智能制造学院", Catalog.Active!.Department("jd")!.Name);
        Assert.Same(Catalog.Active, outcome.Week);
        var stored = Store.Find("2024-wuxi")!;
        Assert.Equal(2, stored.Revision);
        Assert.True(stored.ChangedInTeams);
        var entry = Assert.Single(Log.For("2024-wuxi"));
        Assert.Equal(("department.rename", "jd", "机电工程学院", "智能制造学院", "王强", 2), (entry.Kind, entry.Subject, entry.Before, entry.After, entry.ActorName, entry.Revision));
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, entry.At.ToUniversalTime());
    }

    [Fact]
    public void ARefusedChange_WritesNothing()
    {
        var before = Store.Find("2024-wuxi")!.Json;

        var outcome = Editor.Apply("2024-wuxi", new AddDepartment("机电工程学院"), Wang);
        var elsewhere = Editor.Apply("2024-wuxi", new AddLiaison("xx", new Person { Name = "张伟", Email = "zhangwei@college.example.edu.cn", AadObjectId = "11a150a0-0000-4000-8000-000000000001" }), Wang);
        // What no change checks itself, the week's rules still catch: nobody without an e-mail or Entra id.
        var invalid = Editor.Apply("2024-wuxi", new AddOfficeMember(Role.Staff, new Person { Name = "无邮箱" }), Wang);
        var noWeek = Editor.Apply("2099-none", new AddDepartment("甲"), Wang);

        Assert.Equal(("settings_department_exists", "settings_person_elsewhere", "settings_invalid", "settings_no_week"),
            (outcome.RefusalKey, elsewhere.RefusalKey, invalid.RefusalKey, noWeek.RefusalKey));
        Assert.Equal(before, Store.Find("2024-wuxi")!.Json);
        Assert.Equal(1, Store.Find("2024-wuxi")!.Revision);
        Assert.Empty(Log.For("2024-wuxi"));
    }

    [Fact]
    public void WhenTheLogEntryCannotBeWritten_TheWeekIsNotChangedEither()
    {
        // A unique index on the log's kind makes a second entry of the same kind fail inside the editor's transaction.
        // (the same break on either database: WeekEditorContract covers both stores on their own.)
        if (TestStorage.OnPostgreSql)
            _services.GetRequiredService<VocEdWeek.Bot.Storage.PostgreSql.PgDatabase>().Execute("CREATE UNIQUE INDEX settingslog_kind_once ON settingslog (kind)");
        else _services.GetRequiredService<BotDatabase>().Collection<SettingsLogEntry>("settingslog").EnsureIndex(x => x.Kind, unique: true);
        Assert.True(Editor.Apply("2024-wuxi", new RenameDepartment("jd", "甲学院"), Wang).Applied);

        var failed = Record.Exception(() => Editor.Apply("2024-wuxi", new RenameDepartment("xx", "乙学院"), Wang));
        Assert.True(failed is LiteDB.LiteException or Npgsql.PostgresException, $"expected the log's unique index to refuse, got {failed}");

        var stored = Store.Find("2024-wuxi")!;
        Assert.Equal(2, stored.Revision);
        Assert.Equal("信息工程学院", WeekJson.Read(stored.Json).Departments.Single(d => d.Id == "xx").Name);
        Assert.Equal("信息工程学院", Catalog.Active!.Department("xx")!.Name);
        Assert.Single(Log.For("2024-wuxi"));
    }

    [Fact]
    public void Create_RefusesATakenId_AndStoresANewWeekWithItsLogEntry()
    {
        var week = Catalog.Active!.Definition;

        Assert.Equal("settings_week_exists", Editor.Create(week, Wang).RefusalKey);
        var created = Editor.Create(week with { Id = "2025-wuxi", Start = new DateOnly(2025, 5, 11), End = new DateOnly(2025, 5, 17), Deadlines = new WeekDeadlines() }, Wang);

        Assert.True(created.Applied);
        Assert.NotNull(Catalog.Find("2025-wuxi"));
        Assert.Equal("week.create", Assert.Single(Log.For("2025-wuxi")).Kind);
    }

    [Fact]
    public void Record_LogsAChangeKeptElsewhere_NewestFirst()
    {
        Editor.Apply("2024-wuxi", new SetReportTime(new TimeOnly(11, 30)), Wang);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Editor.Record("2024-wuxi", "week.exempt", "设计艺术学院", "", "2024-05-12 – 2024-05-18", Wang);

        Assert.Equal(["week.exempt", "deadline.dailyReport"], Log.For("2024-wuxi").Select(e => e.Kind));
    }

    public void Dispose()
    {
        _services.Dispose();
        _dir.Dispose();
    }
}
