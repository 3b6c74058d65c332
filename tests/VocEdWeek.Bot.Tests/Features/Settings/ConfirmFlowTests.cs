using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Tests.App;
using VocEdWeek.Bot.Tests.Features.Exports;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;

namespace VocEdWeek.Bot.Tests.Features.Settings;

/// <summary>The confirm card over HTTP: applied exactly once, only by the admin who asked, not after it expired; cancel changes nothing.</summary>
public sealed class ConfirmFlowTests : IAsyncLifetime
{
    private SettingsApp _s = null!;

    public async Task InitializeAsync() => _s = await SettingsApp.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private ISettingsLogStore Log => _s.App.Services.GetRequiredService<ISettingsLogStore>();

    private WeekDefinition Week => _s.App.Services.GetRequiredService<WeekCatalog>().Active!.Definition;

    [Fact]
    public async Task TheConfirmCard_CarriesOnlyTheId_AndShowsBeforeAndAfter()
    {
        var card = await _s.CardAsync(SettingsApp.Admin, "添加部门 智能制造学院");

        var confirm = ExportApp.Actions(card, "Action.Execute").Single(a => (string?)a["verb"] == "settings.confirm");
        Assert.Equal(["verb", "pendingId"], confirm["data"]!.AsObject().Select(p => p.Key));
        var facts = card["body"]!.AsArray().Single(b => (string?)b!["type"] == "FactSet")!["facts"]!.AsArray().Select(f => (string?)f!["value"]).ToList();
        Assert.Equal(["添加部门", "智能制造学院", "（无）", "智能制造学院"], facts);
        Assert.Empty(Log.For("2024-wuxi"));
    }

    [Fact]
    public async Task ASecondConfirm_SaysItWasAlreadyDone_AndAppliesNothingMore()
    {
        var id = SettingsApp.PendingId(await _s.CardAsync(SettingsApp.Admin, "添加部门 智能制造学院"));

        var first = SettingsApp.Card(await _s.ConfirmAsync(SettingsApp.Admin, id));
        var second = SettingsApp.Message(await _s.ConfirmAsync(SettingsApp.Admin, id));

        Assert.Contains("✓ 已更改", first.ToJsonString(SettingsApp.Json));
        Assert.Equal("这项更改已经确认并生效，无需再次确认。", second);
        Assert.Single(Week.Departments, d => d.Name == "智能制造学院");
        Assert.Single(Log.For("2024-wuxi"));
    }

    [Fact]
    public async Task OnlyTheAdminWhoAsked_MayConfirm_AndStaffAreRefusedByTheGate()
    {
        var id = SettingsApp.PendingId(await _s.CardAsync(SettingsApp.Admin, "添加部门 智能制造学院"));

        Assert.Equal("这项更改由 王强 发起，只能由其本人确认或取消。", SettingsApp.Message(await _s.ConfirmAsync(SettingsApp.OtherAdmin, id)));
        Assert.Equal(AccessTable.AdminOnly.Replace("（王强）", "（王强、周红）", StringComparison.Ordinal), SettingsApp.Message(await _s.ConfirmAsync(FormsWorld.Staff, id)));
        Assert.Equal(AccessTable.AdminOnly.Replace("（王强）", "（王强、周红）", StringComparison.Ordinal), SettingsApp.Message(await _s.ConfirmAsync(FormsWorld.Liaison, id)));
        Assert.DoesNotContain(Week.Departments, d => d.Name == "智能制造学院");

        await _s.ConfirmAsync(SettingsApp.Admin, id);
        Assert.Contains(Week.Departments, d => d.Name == "智能制造学院");
    }

    [Fact]
    public async Task AnAdminRemovedMeanwhile_CannotConfirmWhatTheyAsked()
    {
        var id = SettingsApp.PendingId(await _s.CardAsync(SettingsApp.OtherAdmin, "添加部门 智能制造学院"));
        await _s.ChangeAsync($"移除 {SettingsApp.OtherAdmin.AadObjectId}");

        var refused = SettingsApp.Message(await _s.ConfirmAsync(SettingsApp.OtherAdmin, id));

        Assert.StartsWith("活动周的设置（新建活动周、导入名单、更换联络员、调整截止时间等）仅限教务处的管理员操作。", refused);
        Assert.DoesNotContain(Week.Departments, d => d.Name == "智能制造学院");
    }

    [Fact]
    public async Task AnExpiredCard_ChangesNothing()
    {
        var id = SettingsApp.PendingId(await _s.CardAsync(SettingsApp.Admin, "日报时间 11:30"));
        _s.App.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal("这张确认卡片已过期（30 分钟内有效），未做任何更改。请重新发送更改。", SettingsApp.Message(await _s.ConfirmAsync(SettingsApp.Admin, id)));
        Assert.Equal("12:00", Week.Deadlines.DailyReport);
    }

    [Fact]
    public async Task Cancel_TurnsTheCardIntoACancelledReceipt_AndChangesNothing()
    {
        var id = SettingsApp.PendingId(await _s.CardAsync(SettingsApp.Admin, "日报时间 11:30"));

        var receipt = SettingsApp.Card(await _s.PressAsync(SettingsApp.Admin, new JsonObject { ["verb"] = "settings.cancel", ["pendingId"] = id }));

        Assert.Contains("已取消", receipt.ToJsonString(SettingsApp.Json));
        Assert.Empty(ExportApp.Actions(receipt, "Action.Execute"));
        Assert.Equal("这项更改已经取消。", SettingsApp.Message(await _s.ConfirmAsync(SettingsApp.Admin, id)));
        Assert.Equal("12:00", Week.Deadlines.DailyReport);
        Assert.Empty(Log.For("2024-wuxi"));
    }

    [Fact]
    public async Task AChangeThatNoLongerFits_IsRefusedOnConfirm_WithTheReason()
    {
        var rename = SettingsApp.PendingId(await _s.CardAsync(SettingsApp.Admin, "重命名部门 设计艺术学院 艺术学院"));
        await _s.ChangeAsync("删除部门 设计艺术学院");

        var receipt = SettingsApp.Card(await _s.ConfirmAsync(SettingsApp.Admin, rename)).ToJsonString(SettingsApp.Json);

        Assert.Contains("未能更改", receipt);
        Assert.Contains("部门“sj”已不在活动周中", receipt);
    }

    [Theory]
    [InlineData("添加管理员 王五")]
    [InlineData("更换联络员 机电工程学院 李明")]
    [InlineData("计划截止 17:00")]
    [InlineData("删除部门 机电工程学院 现在")]
    public async Task WordsNotUnderstood_GetTheUsage_NeverAGuess(string text)
    {
        var answer = await _s.TextAsync(SettingsApp.Admin, text);

        Assert.StartsWith("没有看懂这项设置。", answer);
        Assert.Contains("更换联络员 机电工程学院 李明 liming@college.edu.cn 13800000011", answer);
    }

    [Fact]
    public async Task ARefusedChange_IsSaidBeforeAnyConfirmCard()
    {
        Assert.Equal("已经有名为“机电工程学院”的部门。", await _s.TextAsync(SettingsApp.Admin, "添加部门 机电工程学院"));
        Assert.Equal("没有找到部门“数学”。请写部门全称、其中一部分或编号，例如：机电工程学院（jd）、信息工程学院（xx）、经济管理学院（jg）。",
            await _s.TextAsync(SettingsApp.Admin, "全周免报 数学 外出"));
        Assert.Equal("“nobody@college.example.edu.cn”不是教务处的管理员、工作人员或观察员。", await _s.TextAsync(SettingsApp.Admin, "移除 nobody@college.example.edu.cn"));
    }
}
