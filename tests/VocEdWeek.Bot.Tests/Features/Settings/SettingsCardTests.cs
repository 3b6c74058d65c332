using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Tests.Features.Exports;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.Settings;

/// <summary>"设置" / "settings": the week as it is, a form per change, and a form's way to the confirm card; the week file export.</summary>
public sealed class SettingsCardTests : IAsyncLifetime
{
    private SettingsApp _s = null!;

    public async Task InitializeAsync() => _s = await SettingsApp.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task TheCard_ShowsTheWeek_AndAFormForEveryChange()
    {
        var card = await _s.CardAsync(SettingsApp.Admin, "设置");
        var json = card.ToJsonString(SettingsApp.Json);

        Assert.Contains("2024年职业教育活动周 · 设置", json);
        Assert.Contains("5月12日 12:00（北京时间）", json);
        Assert.Contains("每天 12:00（北京时间）", json);
        Assert.Contains("王强（ad000000-0000-4000-8000-000000000001）、周红（ad000000-0000-4000-8000-000000000002）", json);
        Assert.Contains("赵敏（zhaomin@college.example.edu.cn）（备份）", json);
        Assert.Contains("张伟（zhangwei@college.example.edu.cn） 13800000001", json);
        var forms = ExportApp.Actions(card, "Action.ShowCard").Select(a => (string)a["title"]!).ToList();
        Assert.Equal(["添加部门", "重命名部门", "删除部门", "更换联络员", "添加联络员或备份", "添加管理员/工作人员/观察员", "移除教务处人员", "调整截止时间", "日报截止时间", "全周免报"], forms);
        var changes = ExportApp.Actions(card, "Action.Execute").Select(a => (string)a["data"]!["change"]!).ToList();
        Assert.Equal(["department.add", "department.rename", "department.remove", "liaison.replace", "liaison.add", "office.add", "office.remove", "deadline.move", "deadline.dailyReport", "week.exempt"], changes);
        var replaced = ExportApp.Actions(card, "Input.ChoiceSet").Single(c => (string?)c["id"] == "replaceWho")["choices"]!.AsArray();
        Assert.Contains(replaced, c => (string?)c!["value"] == "jd|zhangwei@college.example.edu.cn" && (string?)c["title"] == "机电工程学院 · 张伟");
    }

    [Fact]
    public async Task InEnglish_TheCardIsEnglish()
    {
        var card = await _s.CardAsync(SettingsApp.Admin, "settings", "en-US");

        Assert.Contains("2024年职业教育活动周 · Settings", card.ToJsonString(SettingsApp.Json));
        Assert.Contains("Replace a liaison", ExportApp.Actions(card, "Action.ShowCard").Select(a => (string)a["title"]!));
    }

    [Fact]
    public async Task AForm_GivesTheConfirmCardInPlace_AndConfirmingApplies()
    {
        var data = new JsonObject
        {
            ["verb"] = "settings.propose", ["change"] = "liaison.replace", ["weekId"] = "2024-wuxi",
            ["replaceWho"] = "jd|zhangwei@college.example.edu.cn", ["replaceName"] = "李明", ["replaceEmail"] = "liming@college.example.edu.cn", ["replacePhone"] = "",
        };

        var confirm = SettingsApp.Card(await _s.PressAsync(SettingsApp.Admin, data));
        SettingsApp.Card(await _s.ConfirmAsync(SettingsApp.Admin, SettingsApp.PendingId(confirm)));

        var jd = _s.App.Services.GetRequiredService<WeekCatalog>().Active!.Department("jd")!;
        Assert.Equal(["李明"], jd.Liaisons.Select(p => p.Name));
    }

    [Fact]
    public async Task AFormWithAMalformedValue_SaysSo_AndKeepsNothing()
    {
        var data = new JsonObject { ["verb"] = "settings.propose", ["change"] = "office.add", ["officeName"] = "王五", ["officeKey"] = "not an address", ["officeRole"] = "Staff" };

        Assert.Equal("表单没有填完整或格式不对（邮箱、日期、时间），请检查后再提交。", SettingsApp.Message(await _s.PressAsync(SettingsApp.Admin, data)));
    }

    [Fact]
    public async Task TheDeadlineForm_TakesDateAndTime()
    {
        var data = new JsonObject { ["verb"] = "settings.propose", ["change"] = "deadline.move", ["deadlineItem"] = "Statistics", ["deadlineDate"] = "2024-05-20", ["deadlineTime"] = "12:00" };

        var confirm = SettingsApp.Card(await _s.PressAsync(SettingsApp.Admin, data));
        var facts = confirm["body"]!.AsArray().Single(b => (string?)b!["type"] == "FactSet")!["facts"]!.AsArray().Select(f => (string?)f!["value"]).ToList();

        Assert.Equal(["调整截止时间", "情况统计表", "2024-05-19 17:30", "2024-05-20 12:00"], facts);
    }

    [Fact]
    public async Task TheExport_IsTheWeekFile_WithTheChanges_AndLoadsBack()
    {
        await _s.ChangeAsync("重命名部门 机电工程学院 智能制造学院");

        var card = await _s.CardAsync(SettingsApp.Admin, "导出活动周设置");
        using var response = await _s.App.GetLinkAsync(ExportApp.Links(card).Single());
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var loaded = WeekLoader.Parse(bytes, "exported.json");
        var active = _s.App.Services.GetRequiredService<WeekCatalog>().Active!.Definition;
        Assert.Equal(WeekJson.Write(active), WeekJson.Write(loaded));
        Assert.Equal("智能制造学院", loaded.Departments.Single(d => d.Id == "jd").Name);
        Assert.Contains("发送到聊天", card.ToJsonString(SettingsApp.Json));
    }

    [Fact]
    public async Task ExportAll_DoesNotIncludeTheWeekFile()
    {
        var all = await _s.SayAsync(VocEdWeek.Bot.Tests.Features.Forms.FormsWorld.Staff, "导出全部");

        Assert.Contains("情况统计表", all);
        Assert.DoesNotContain("活动周设置（周文件）", all);
    }
}
