using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Exports;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Weeks.Settings;
using VocEdWeek.Bot.Weeks.Store;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup;

/// <summary>
/// Issue 11 through the real bot over HTTP, from nothing: an admin of <c>Office:Admins</c> creates the 2024 week from the
/// notice's text, imports the 12-department liaison sheet (sent without words, as the bot asked), and a liaison of that
/// sheet is served at once — no restart, no file on the server.
/// </summary>
public sealed class WeekSetupFlowTests : IAsyncLifetime
{
    private SetupWorld _world = null!;

    public async Task InitializeAsync() => _world = await SetupWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static string Notice2024 => File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "VocEdWeek.Bot.Tests", "TestData", "notices", "2024-wuxi-college.txt"));

    private static byte[] Roster12 => File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "e2e", "fixtures", "roster-2024-12.xlsx"));

    private async Task<JsonObject> DraftAsync(string notice)
    {
        var mark = _world.App.Mark();
        await _world.App.SayAsync(SetupWorld.Admin, "新建活动周\n" + notice);
        return _world.LastCard(mark);
    }

    [Fact]
    public async Task FromNothing_ANoticeAndASheet_MakeAWeekWhoseLiaisonsAreServedAtOnce()
    {
        var app = _world.App;
        var mark = app.Mark();
        await app.SayAsync(SetupWorld.ZhangWei, "计划");
        Assert.Contains("目前没有进行中的职业教育活动周", app.Texts(mark), StringComparison.Ordinal);

        var draft = await DraftAsync(Notice2024);
        var inputs = SetupWorld.Inputs(draft);
        Assert.Equal(("2024-05-12", "2024-05-18"), (inputs["start"], inputs["end"]));
        Assert.Equal(("2024-05-12", "12:00", "12:00"), (inputs["planDate"], inputs["planTime"], inputs["dailyTime"]));
        Assert.Equal(("2024-05-19", "17:30", "2024-05-19", "17:30"), (inputs["statsDate"], inputs["statsTime"], inputs["summaryDate"], inputs["summaryTime"]));
        Assert.Contains("学校", CardJson.Show(draft), StringComparison.Ordinal); // the notice names no school: marked for the admin

        var created = await _world.PressAsync(SetupWorld.Admin, draft, "week.create", new() { ["school"] = "无锡市示例职业技术学院" });
        Assert.Contains("已创建", created.Unescaped(), StringComparison.Ordinal);
        var week = _world.Weeks.Active!;
        Assert.Equal(("2024", "无锡市示例职业技术学院", 0), (week.Definition.Id, week.Definition.School, week.Definition.Departments.Count));

        mark = app.Mark();
        await _world.SendFileAsync(SetupWorld.Admin, "", "2024年联络员名单.xlsx", Roster12);
        var preview = _world.LastCard(mark);
        Assert.Contains("12", CardJson.Show(preview), StringComparison.Ordinal);
        var applied = await _world.PressAsync(SetupWorld.Admin, preview, "roster.apply");
        Assert.Contains("已导入名单：12 个部门", applied.Unescaped(), StringComparison.Ordinal);

        mark = app.Mark();
        await app.SayAsync(SetupWorld.ZhangWei, "计划");
        Assert.Contains(app.Cards(mark), c => ExportApp.Actions(c, "Action.Execute").Any(a => (string?)a["verb"] == "plan.submit"));

        var log = app.Services.GetRequiredService<ISettingsLogStore>().For("2024");
        Assert.Equal(["roster.import", "week.create"], log.Select(e => e.Kind));
        Assert.All(log, e => Assert.Equal("王强", e.ActorName));
    }

    [Fact]
    public async Task SomeoneNotAnAdmin_IsRefused_AndNothingIsDrafted()
    {
        var mark = _world.App.Mark();
        await _world.App.SayAsync(SetupWorld.ZhangWei, "新建活动周\n" + Notice2024);

        Assert.Equal("目前还没有活动周。新建活动周仅限管理员（在配置项 Office:Admins 中指定）操作。", _world.App.Texts(mark));
        Assert.Empty(_world.App.Cards(mark));
    }

    [Fact]
    public async Task AConfirmedDraft_CreatesOnce_AndAWrongDateKeepsWhatWasTyped()
    {
        var draft = await DraftAsync(Notice2024);

        var wrong = await _world.PressAsync(SetupWorld.Admin, draft, "week.create", new() { ["end"] = "2024-05-01", ["theme"] = "改过的主题" });
        var shown = wrong.Unescaped();
        Assert.Contains("最后一天早于第一天", shown, StringComparison.Ordinal);
        Assert.Contains("改过的主题", shown, StringComparison.Ordinal);
        Assert.Null(_world.Weeks.Active);

        await _world.PressAsync(SetupWorld.Admin, draft, "week.create");
        var again = await _world.PressAsync(SetupWorld.Admin, draft, "week.create");

        Assert.Contains("已经处理过了", again.Unescaped(), StringComparison.Ordinal);
        Assert.Single(_world.Weeks.All);
    }

    [Fact]
    public async Task ABadSheet_LeavesTheRosterAsItWas()
    {
        await _world.PressAsync(SetupWorld.Admin, await DraftAsync(Notice2024), "week.create");
        var mark = _world.App.Mark();
        await _world.SendFileAsync(SetupWorld.Admin, "", "名单.xlsx", Roster12);
        await _world.PressAsync(SetupWorld.Admin, _world.LastCard(mark), "roster.apply");
        var store = _world.App.Services.GetRequiredService<IWeekStore>();
        var before = store.Find("2024")!;

        mark = _world.App.Mark();
        await _world.SendFileAsync(SetupWorld.Admin, "导入名单", "名单.xlsx", [.. Roster12.Take(Roster12.Length / 2)]);

        Assert.Empty(_world.App.Cards(mark));
        Assert.Contains("打不开", _world.App.Texts(mark), StringComparison.Ordinal);
        var after = store.Find("2024")!;
        Assert.Equal((before.Revision, before.Json), (after.Revision, after.Json));
        Assert.Equal(12, _world.Weeks.Active!.Definition.Departments.Count);
    }

    [Fact]
    public async Task APreviewOfARosterChangedSinceIsNotApplied_AndAnAppliedOneOnlyOnce()
    {
        await _world.PressAsync(SetupWorld.Admin, await DraftAsync(Notice2024), "week.create");
        var mark = _world.App.Mark();
        await _world.SendFileAsync(SetupWorld.Admin, "导入名单", "名单.xlsx", Roster12);
        var first = _world.LastCard(mark);
        mark = _world.App.Mark();
        await _world.SendFileAsync(SetupWorld.Admin, "导入名单", "名单2.xlsx", Roster12);
        var second = _world.LastCard(mark);

        Assert.Contains("已导入名单", (await _world.PressAsync(SetupWorld.Admin, second, "roster.apply")).Unescaped(), StringComparison.Ordinal);
        Assert.Contains("已经处理过了", (await _world.PressAsync(SetupWorld.Admin, second, "roster.apply")).Unescaped(), StringComparison.Ordinal);
        Assert.Contains("预览之后名单已被修改", (await _world.PressAsync(SetupWorld.Admin, first, "roster.apply")).Unescaped(), StringComparison.Ordinal);
        Assert.Single(_world.App.Services.GetRequiredService<ISettingsLogStore>().For("2024"), e => e.Kind == "roster.import");
    }
}
