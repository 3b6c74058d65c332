using System.Text.Json.Nodes;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Features.MySubmissions;

public sealed class MySubmissionsTests : IDisposable
{
    private readonly FormsWorld _world = new(Beijing(2024, 5, 11, 9, 0));

    public void Dispose() => _world.Dispose();

    private sealed record Row(string Title, string Detail, string Status, string Color, string? OpensItem);

    [Fact]
    public async Task EveryItem_WithItsStatus_ComputedInBeijingTime()
    {
        await BuildAWeekAsync();

        _world.SetBeijing(5, 16, 10, 0);
        var card = await _world.CardForAsync(Liaison, "我的提交");
        var rows = Rows(card);

        Assert.Equal(
            ["方案与信息采集表", "5月12日（周日）日报", "5月13日（周一）日报", "5月14日（周二）日报", "5月15日（周三）日报", "5月16日（周四）日报", "5月17日（周五）日报", "5月18日（周六）日报", "情况统计表", "活动周总结"],
            rows.Select(r => r.Title));
        Assert.Equal(["已提交", "已提交", "迟交", "补交", "免报", "未提交", "未提交", "未提交", "未提交", "未提交"], rows.Select(r => r.Status));
        Assert.Equal(["Good", "Good", "Warning", "Warning", "Accent", "Default", "Default", "Default", "Default", "Default"], rows.Select(r => r.Color));
        // Buttons only where a form can be filled now: not for future days nor before the last day for statistics/summary.
        Assert.Equal(["plan", "report:2024-05-12", "report:2024-05-13", "report:2024-05-14", "report:2024-05-15", "report:2024-05-16", null, null, null, null], rows.Select(r => r.OpensItem));
        Assert.Equal("5月12日 11:00 首次提交 · 共 1 版", rows[0].Detail);
        Assert.Equal("5月15日 00:01 首次提交 · 共 1 版", rows[3].Detail);
        Assert.Equal("截止 5月16日 12:00", rows[5].Detail);
        Assert.Contains("已完成 5 / 10 项，逾期未交 0 项", CardJson.AllText(card));

        _world.SetBeijing(5, 16, 12, 0, 1);
        var later = Rows(await _world.CardForAsync(Liaison, "my submissions"));
        Assert.Equal("Attention", later[5].Color);
    }

    [Fact]
    public async Task TheButtonOpensThatItem_Prefilled()
    {
        await BuildAWeekAsync();
        _world.SetBeijing(5, 16, 10, 0);
        var card = await _world.CardForAsync(Liaison, "我的报送");
        var open = CardJson.Click(card, "form.open", index: 2); // 5月13日

        var form = (await _world.ExecuteAsync(Liaison, open)).Card();

        Assert.Contains("5月13日（周一）日报", CardJson.AllText(form));
        Assert.Equal("180", CardJson.Value(form, "participants"));
        Assert.Equal("report:2024-05-13", (string?)CardJson.Click(form, "report.submit")["itemKey"]);
    }

    [Fact]
    public async Task English()
    {
        await BuildAWeekAsync();
        _world.SetBeijing(5, 16, 10, 0);
        var rows = Rows(await _world.CardForAsync(Liaison, "my submissions", "en-US"));
        Assert.Equal(["Submitted", "Submitted", "Late", "Made up", "Exempt", "Not submitted"], rows.Take(6).Select(r => r.Status));
        Assert.Equal("Daily report for Mon, May 13", rows[2].Title);
    }

    [Fact]
    public async Task TheReceiptButton_ShowsTheListInPlace()
    {
        var receipt = await FormSteps.SubmitPlanAsync(_world);
        var list = (await _world.ExecuteAsync(Liaison, CardJson.Click(receipt, "mine.show"))).Card();
        Assert.Equal("已提交", Rows(list)[0].Status);
    }

    /// <summary>Plan on time; 12日 on time (11:59:59); 13日 late (12:00:01); 14日 made up after midnight from a card made that day; 15日 exempt.</summary>
    private async Task BuildAWeekAsync()
    {
        _world.SetBeijing(5, 12, 11, 0);
        await FormSteps.SubmitPlanAsync(_world);
        _world.SetBeijing(5, 12, 11, 59, 59);
        await FormSteps.SubmitAsync(_world, "日报", "report.submit", _ => FormSteps.ValidReport());
        _world.SetBeijing(5, 13, 12, 0, 1);
        await FormSteps.SubmitAsync(_world, "日报", "report.submit", _ => FormSteps.ValidReport());
        _world.SetBeijing(5, 14, 20, 0);
        var card = await _world.CardForAsync(Liaison, "日报");
        _world.SetBeijing(5, 15, 0, 1);
        await _world.ExecuteAsync(Liaison, CardJson.Click(card, "report.submit", FormSteps.ValidReport()));
        _world.Store.Exempt(new Exemption { WeekId = "2024-wuxi", DepartmentId = "jd", ItemKey = "report:2024-05-15", SetBy = "吴苏玲", SetAt = DateTime.UtcNow });
    }

    private static List<Row> Rows(JsonObject card) =>
        card["body"]!.AsArray().OfType<JsonObject>()
            .Where(e => (string?)e["type"] == "Container")
            .Select(c =>
            {
                var columns = c["items"]![0]!["columns"]!.AsArray();
                var texts = columns[0]!["items"]!.AsArray();
                var status = columns[1]!["items"]![0]!;
                var action = columns.Count > 2 ? columns[2]!["items"]![0]!["actions"]![0]! : null;
                return new Row((string)texts[0]!["text"]!, (string)texts[1]!["text"]!, (string)status["text"]!, (string)status["color"]!, (string?)action?["data"]?["itemKey"]);
            })
            .ToList();
}
