using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;
using VocEdWeek.Bot.Weeks.Settings.Changes;
using VocEdWeek.Bot.Weeks.Store;

namespace VocEdWeek.Bot.Tests.Weeks.Settings;

/// <summary>
/// The week editor on each database (<see cref="LiteDbWeekEditorContract"/>, <see cref="PostgreSqlWeekEditorContract"/>): the
/// week and its log entry both or neither, and a change never written over a revision it was not made on — also when
/// another instance of the bot changes the same week in between.
/// </summary>
public abstract class WeekEditorContract
{
    public sealed record Stores(IWeekStore Weeks, ISettingsLogStore Log, IAtomicWrites Writes);

    private static readonly Actor Wang = new("王强", "ad000000-0000-4000-8000-000000000001");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 5, 14, 2, 0, 0, TimeSpan.Zero));
    private (Stores Stores, WeekEditor Editor, WeekCatalog Catalog)? _this;

    /// <summary>The stores of an empty database.</summary>
    protected abstract Stores Open();

    /// <summary>The same database as another instance of the bot opens it.</summary>
    protected abstract Stores OtherInstance();

    /// <summary>From now on a log entry of a kind already logged cannot be written (the database refuses it).</summary>
    protected abstract void BreakTheLog();

    private Stores This => (_this ??= Instance(Open(), seed: true)).Stores;
    private WeekEditor Editor => (_this ??= Instance(Open(), seed: true)).Editor;
    private WeekCatalog Catalog => (_this ??= Instance(Open(), seed: true)).Catalog;

    private (Stores, WeekEditor, WeekCatalog) Instance(Stores stores, bool seed)
    {
        if (seed)
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Week:DefinitionFile"] = Path.Combine(RepoPaths.Samples, "2024-wuxi.json") }).Build();
            WeekSeeding.Seed(stores.Weeks, configuration, _clock, NullLogger.Instance);
        }
        var catalog = new WeekCatalog(stores.Weeks, OfficeAdmins.None, _clock);
        return (stores, new WeekEditor(stores.Weeks, stores.Log, stores.Writes, catalog, _clock, NullLogger<WeekEditor>.Instance), catalog);
    }

    private WeekEditor OtherEditor()
    {
        _ = Editor;
        var (_, editor, _) = Instance(OtherInstance(), seed: false);
        return editor;
    }

    private string DepartmentName(string id) => WeekJson.Read(This.Weeks.Find("2024-wuxi")!.Json).Departments.Single(d => d.Id == id).Name;

    [Fact]
    public void A_failure_after_the_week_write_leaves_neither_the_week_nor_the_log_changed()
    {
        Assert.True(Editor.Apply("2024-wuxi", new RenameDepartment("jd", "甲学院"), Wang).Applied);
        BreakTheLog();

        Assert.ThrowsAny<Exception>(() => Editor.Apply("2024-wuxi", new RenameDepartment("xx", "乙学院"), Wang));

        Assert.Equal(2, This.Weeks.Find("2024-wuxi")!.Revision);
        Assert.Equal(("甲学院", "信息工程学院"), (DepartmentName("jd"), DepartmentName("xx")));
        Assert.Equal("信息工程学院", Catalog.Active!.Department("xx")!.Name);
        Assert.Equal([2], This.Log.For("2024-wuxi").Select(e => e.Revision));
    }

    [Fact]
    public void A_change_another_instance_wrote_meanwhile_is_not_overwritten_the_change_is_made_again_on_it()
    {
        var other = OtherEditor();
        var meanwhile = new Meanwhile(new RenameDepartment("jd", "甲学院"),
            () => Assert.True(other.Apply("2024-wuxi", new RenameDepartment("xx", "乙学院"), new Actor("吴苏玲", "ws")).Applied));

        var outcome = Editor.Apply("2024-wuxi", meanwhile, Wang);

        Assert.True(outcome.Applied);
        Assert.Equal(2, meanwhile.Applied);
        Assert.Equal(3, This.Weeks.Find("2024-wuxi")!.Revision);
        Assert.Equal(("甲学院", "乙学院"), (DepartmentName("jd"), DepartmentName("xx")));
        Assert.Equal(("甲学院", "乙学院"), (Catalog.Active!.Department("jd")!.Name, Catalog.Active.Department("xx")!.Name));
        Assert.Equal([(3, "jd"), (2, "xx")], This.Log.For("2024-wuxi").Select(e => (e.Revision, e.Subject)));
    }

    [Fact]
    public void A_change_shown_on_an_older_revision_is_refused_and_writes_nothing()
    {
        Assert.True(OtherEditor().Apply("2024-wuxi", new RenameDepartment("xx", "乙学院"), Wang).Applied);

        var outcome = Editor.Apply("2024-wuxi", new RenameDepartment("jd", "甲学院"), Wang, basedOn: 1);

        Assert.Equal(WeekEditor.ChangedMeanwhile, outcome.RefusalKey);
        Assert.Equal(2, This.Weeks.Find("2024-wuxi")!.Revision);
        Assert.Equal("机电工程学院", DepartmentName("jd"));
        Assert.Single(This.Log.For("2024-wuxi"));
        Assert.True(Editor.Apply("2024-wuxi", new RenameDepartment("jd", "甲学院"), Wang, basedOn: 2).Applied);
    }

    [Fact]
    public void A_week_another_instance_created_is_not_created_twice()
    {
        var week = Catalog.Active!.Definition with { Id = "2025-wuxi", Start = new DateOnly(2025, 5, 11), End = new DateOnly(2025, 5, 17), Deadlines = new WeekDeadlines() };
        Assert.True(OtherEditor().Create(week, Wang).Applied);

        Assert.Equal("settings_week_exists", Editor.Create(week with { Title = "另一个" }, Wang).RefusalKey);

        Assert.Single(This.Log.For("2025-wuxi"));
        Assert.Equal(2, This.Weeks.All().Count);
    }

    /// <summary>A change during whose first making another instance changes the same week.</summary>
    private sealed record Meanwhile(WeekChange Inner, Action OtherChange) : WeekChange
    {
        public int Applied { get; private set; }

        public override string Kind => Inner.Kind;

        public override (string Subject, string Before, string After) Describe(WeekDefinition before) => Inner.Describe(before);

        public override WeekDefinition Apply(WeekDefinition week)
        {
            if (++Applied == 1) OtherChange();
            return Inner.Apply(week);
        }
    }
}
