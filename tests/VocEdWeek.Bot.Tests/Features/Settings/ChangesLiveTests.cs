using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Features.Reminders;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Tests.App;
using VocEdWeek.Bot.Tests.Features.Exports;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.Settings;

/// <summary>
/// Issue 11, "each change takes effect at once for every feature": a change confirmed in the chat, then the same running
/// bot (no restart) asked by liaisons, staff and observers over HTTP.
/// </summary>
public sealed class ChangesLiveTests : IAsyncLifetime
{
    private SettingsApp _s = null!;

    public async Task InitializeAsync() => _s = await SettingsApp.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task ReplacingALiaison_RefusesTheOld_ServesTheNew_EndsTheOldLinks_AndRemindsTheNew()
    {
        var link = ExportApp.Links(await _s.CardAsync(FormsWorld.Liaison, "上传链接")).Single();
        using (var before = await _s.App.GetLinkAsync(link)) Assert.Equal(System.Net.HttpStatusCode.OK, before.StatusCode);

        var confirm = await _s.CardAsync(SettingsApp.Admin, $"更换联络员 机电工程学院 李明 liming@college.example.edu.cn {SettingsApp.NewLiaison.AadObjectId} 13800000011");
        var shown = confirm.ToJsonString(SettingsApp.Json);
        Assert.Contains("张伟（zhangwei@college.example.edu.cn）", shown);
        Assert.Contains("李明（liming@college.example.edu.cn）", shown);
        // Nothing changes before 确认.
        Assert.DoesNotContain(AccessTable.LiaisonOnlyToStranger, await _s.TextAsync(FormsWorld.Liaison, "我的提交"));
        await _s.ConfirmAsync(SettingsApp.Admin, SettingsApp.PendingId(confirm));

        Assert.Equal(AccessTable.LiaisonOnlyToStranger, await _s.TextAsync(FormsWorld.Liaison, "填写计划"));
        var form = await _s.CardAsync(SettingsApp.NewLiaison, "填写计划");
        Assert.Contains("机电工程学院", form.ToJsonString(SettingsApp.Json));
        using (var after = await _s.App.GetLinkAsync(link)) Assert.NotEqual(System.Net.HttpStatusCode.OK, after.StatusCode);

        // Reminders read the roster: the plan is missing everywhere on Tuesday, and 李明 is who is reminded for 机电.
        var week = _s.App.Services.GetRequiredService<WeekCatalog>().Active!;
        var targets = ReminderTarget.Missing(_s.App.Services.GetRequiredService<ProgressService>().ForWeek(week), [new WeekItem(ItemKind.Plan)], includeBackups: true);
        Assert.Equal(["李明"], targets.Where(x => x.Department.Id == "jd").Select(x => x.Person.Name));
        var receipt = await _s.PressAsync(FormsWorld.Staff, new JsonObject { ["verb"] = RemindMissingHandler.Verb, ["weekId"] = "2024-wuxi", ["itemKey"] = "plan" });
        var sent = receipt.ToJsonString(SettingsApp.Json);
        Assert.Contains("李明", sent);
        Assert.DoesNotContain("张伟", sent);
    }

    [Fact]
    public async Task RenamingADepartment_ShowsTheNewNameInProgress()
    {
        Assert.Contains("机电工程学院", await _s.SayAsync(FormsWorld.Staff, "进度"));

        await _s.ChangeAsync("重命名部门 机电 智能制造学院");

        var progress = await _s.SayAsync(FormsWorld.Staff, "进度");
        Assert.Contains("智能制造学院", progress);
        Assert.DoesNotContain("机电工程学院", progress);
    }

    [Fact]
    public async Task MovingTheDailyReportTime_ChangesTheDeadlineShown()
    {
        Assert.Contains("5月14日 12:00", await _s.SayAsync(FormsWorld.Staff, "今天谁还没报送"));

        await _s.ChangeAsync("日报时间 11:30");

        var answer = await _s.SayAsync(FormsWorld.Staff, "今天谁还没报送");
        Assert.Contains("5月14日 11:30", answer);
        Assert.DoesNotContain("5月14日 12:00", answer);
    }

    [Fact]
    public async Task MovingThePlanDeadline_ReopensThePlanForTheLiaison()
    {
        await _s.ChangeAsync("计划截止 5月16日 17:00");

        Assert.Equal(new DateTimeOffset(2024, 5, 16, 17, 0, 0, TimeSpan.FromHours(8)), _s.App.Services.GetRequiredService<WeekCatalog>().Active!.Calendar.PlanDeadline);
        Assert.Contains("5月16日 17:00", await _s.SayAsync(FormsWorld.Liaison, "填写计划"));
    }

    [Fact]
    public async Task AnAddedObserver_SeesProgress_ButMayNotRemind()
    {
        Assert.Equal(AccessTable.ProgressToStranger, await _s.TextAsync(SettingsApp.Leader, "进度"));

        await _s.ChangeAsync($"添加观察员 陈校长 {SettingsApp.Leader.AadObjectId}");

        Assert.Contains("机电工程学院", await _s.SayAsync(SettingsApp.Leader, "进度"));
        var refused = await _s.PressAsync(SettingsApp.Leader, new JsonObject { ["verb"] = RemindMissingHandler.Verb, ["weekId"] = "2024-wuxi", ["itemKey"] = "plan" });
        Assert.Equal(AccessTable.StaffOnlyToObserver, SettingsApp.Message(refused));
    }

    [Fact]
    public async Task ARemovedDepartment_IsGoneFromProgress()
    {
        Assert.Contains("设计艺术学院", await _s.SayAsync(FormsWorld.Staff, "进度"));

        await _s.ChangeAsync("删除部门 设计艺术学院");

        Assert.DoesNotContain("设计艺术学院", await _s.SayAsync(FormsWorld.Staff, "进度"));
    }

    [Fact]
    public async Task ExemptingForTheWholeWeek_TakesTheDepartmentOffEveryMissingList()
    {
        Assert.Contains("设计艺术学院", await _s.SayAsync(FormsWorld.Staff, "今天谁还没报送"));

        await _s.ChangeAsync("全周免报 设计艺术学院 外出参赛");

        Assert.DoesNotContain("设计艺术学院", await _s.SayAsync(FormsWorld.Staff, "今天谁还没报送"));
        var store = _s.App.Services.GetRequiredService<VocEdWeek.Bot.Submissions.ISubmissionStore>();
        var exempt = store.Exemptions("2024-wuxi").Where(e => e.Key.Department == "sj").Select(e => e.Value).ToList();
        Assert.Equal(10, exempt.Count); // plan, seven days, statistics, summary
        Assert.All(exempt, e => Assert.Equal("外出参赛", e.Reason));
    }

    [Fact]
    public async Task TheSettingsLog_ListsEveryChange_NewestFirst_WithBeforeAndAfter()
    {
        await _s.ChangeAsync("日报时间 11:30");
        await _s.ChangeAsync("更换联络员 机电工程学院 李明 liming@college.example.edu.cn");
        await _s.ChangeAsync("重命名部门 信息工程学院 智能信息学院");
        await _s.ChangeAsync("全周免报 设计艺术学院 外出参赛");

        var log = await _s.TextAsync(FormsWorld.Staff, "设置记录");

        var lines = log.Split("\n\n");
        Assert.Equal("**2024年职业教育活动周 · 设置记录**（最新在前）", lines[0]);
        Assert.Equal("2024年5月14日 10:00 · 王强 · **全周免报** · 设计艺术学院：（无） → 2024-05-12 – 2024-05-18: 外出参赛", lines[1]);
        Assert.Equal("2024年5月14日 10:00 · 王强 · **重命名部门** · 智能信息学院（xx）：信息工程学院 → 智能信息学院", lines[2]);
        Assert.Equal("2024年5月14日 10:00 · 王强 · **更换联络员** · 机电工程学院：张伟（zhangwei@college.example.edu.cn） → 李明（liming@college.example.edu.cn）", lines[3]);
        Assert.Equal("2024年5月14日 10:00 · 王强 · **调整日报时间** · 日报：12:00 → 11:30", lines[4]);
        Assert.Equal("显示最近 4 条，共 4 条；时间为北京时间。", lines[5]);
    }
}
