using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Features.DailyReport;

public sealed class DailyReportFormTests : IDisposable
{
    private readonly FormsWorld _world = new(Beijing(2024, 5, 14, 10, 0));

    public void Dispose() => _world.Dispose();

    [Theory]
    [InlineData("日报", "5月14日（周二）日报", "report:2024-05-14")]
    [InlineData("今日报送", "5月14日（周二）日报", "report:2024-05-14")]
    [InlineData("report", "5月14日（周二）日报", "report:2024-05-14")]
    [InlineData("日报 5月13日", "5月13日（周一）日报", "report:2024-05-13")]
    [InlineData("昨天的日报", "5月13日（周一）日报", "report:2024-05-13")]
    [InlineData("report yesterday", "5月13日（周一）日报", "report:2024-05-13")]
    [InlineData("report 2024-05-12", "5月12日（周日）日报", "report:2024-05-12")]
    [InlineData("周日的日报", "5月12日（周日）日报", "report:2024-05-12")]
    [InlineData("补交日报 5/13", "5月13日（周一）日报", "report:2024-05-13")]
    public async Task Command_OpensTheReportForTheDay(string command, string title, string itemKey)
    {
        var card = await _world.CardForAsync(Liaison, command);

        Assert.Contains(title, CardJson.AllText(card));
        Assert.Equal(itemKey, (string?)CardJson.Click(card, "report.submit")["itemKey"]);
        foreach (var id in new[] { "newActivities", "participants", "typicalCase", "story", "featureReport", "mediaLinks" })
            Assert.True(CardJson.HasInput(card, id), id);
        Assert.True((bool)CardJson.Input(card, "typicalCase")["isMultiline"]!);
        Assert.NotNull(CardJson.Input(card, "mediaLinks")["regex"]);
        Assert.Contains("照片和视频：直接在本对话中发送给我", CardJson.AllText(card));
    }

    [Fact]
    public async Task WithAPlan_ThePlannedActivitiesCanBeTicked_ThatDaysFirst()
    {
        await FormSteps.SubmitAsync(_world, "计划", "plan.submit", c =>
        {
            var typed = FormSteps.ValidPlan(c);
            typed[$"a_{FormSteps.PlanRowIds(c)[0]}_date"] = "2024-05-15";
            return typed;
        });
        var form = await _world.CardForAsync(Liaison, "计划");
        var withTwo = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "plan.addActivity"))).Card();
        var second = FormSteps.PlanRowIds(withTwo)[1];
        await _world.ExecuteAsync(Liaison, CardJson.Click(withTwo, "plan.submit", new Dictionary<string, string>
        {
            [$"a_{second}_name"] = "校企集中签约仪式", [$"a_{second}_category"] = "signing", [$"a_{second}_date"] = "2024-05-14", [$"a_{second}_place"] = "行政楼报告厅",
        }));

        var card = await _world.CardForAsync(Liaison, "日报");

        var held = CardJson.Input(card, "held");
        Assert.True((bool)held["isMultiSelect"]!);
        var titles = held["choices"]!.AsArray().Select(c => (string?)c!["title"]).ToList();
        Assert.Equal(["校企集中签约仪式（计划 5月14日）", "智能制造实训中心开放日（计划 5月15日）"], titles);
    }

    [Fact]
    public async Task WithoutAPlan_ActivitiesAreTypedIn()
    {
        var card = await _world.CardForAsync(Liaison, "日报");
        Assert.False(CardJson.HasInput(card, "held"));
        Assert.Contains("还没有提交活动方案", CardJson.AllText(card));
    }

    [Theory]
    [InlineData("日报 5月15日", "5月15日（周三）还没到")]
    [InlineData("明天的日报", "5月15日（周三）还没到")]
    [InlineData("日报 5月20日", "5月20日不在“2024年职业教育活动周”的日期范围内（5月12日至5月18日）")]
    [InlineData("日报 2月30日", "没能识别日期“2月30日”")]
    public async Task Refusals_ArePolite(string command, string expected)
    {
        Assert.Contains(expected, await _world.TextForAsync(Liaison, command));
    }

    [Fact]
    public async Task AfterTheWeek_TodaysReport_ListsTheWeeksDates()
    {
        _world.SetBeijing(5, 20, 9, 0);
        var text = await _world.TextForAsync(Liaison, "日报");
        Assert.Equal("5月20日不在“2024年职业教育活动周”的日期范围内（5月12日至5月18日）。补交某一天请带上日期，如“日报 5月12日”。", text);
        // …and a made-up report for a past day still opens.
        Assert.Contains("5月16日（周四）日报", CardJson.AllText(await _world.CardForAsync(Liaison, "日报 5月16日")));
    }

    [Fact]
    public async Task Submit_StoresTheDay_AndAnswersWithReceipt()
    {
        _world.SetBeijing(5, 14, 11, 42);
        var receipt = await FormSteps.SubmitAsync(_world, "日报", "report.submit", _ => FormSteps.ValidReport());

        var stored = Assert.Single(_world.Store.History("2024-wuxi", "jd", "report:2024-05-14"));
        Assert.Contains("“工匠进校园”专题讲座", stored.Data);
        Assert.Contains("https://www.example.gov.cn/b/2", stored.Data);
        var text = CardJson.AllText(receipt);
        Assert.Contains("已提交 ✓ 11:42", text);
        Assert.Contains("5月14日（周二）日报", text);
        Assert.Contains("2 条链接", text);
        Assert.Contains("180", text);
    }

    [Theory]
    [InlineData(5, 14, 11, 59, 59, "已提交 ✓ 11:59")]
    [InlineData(5, 14, 12, 0, 1, "迟交 ✓ 12:00")]
    [InlineData(5, 14, 23, 59, 0, "迟交 ✓ 23:59")]
    [InlineData(5, 15, 0, 1, 0, "补交 ✓ 5月15日 00:01")]
    public async Task ACardMadeOnTheDay_SubmitsToThatDay_MarkedByWhenItArrives(int month, int day, int hour, int minute, int second, string expected)
    {
        var form = await _world.CardForAsync(Liaison, "日报"); // made at 10:00 on 5月14日

        _world.SetBeijing(month, day, hour, minute, second);
        var receipt = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "report.submit", FormSteps.ValidReport()))).Card();

        Assert.Contains(expected, CardJson.AllText(receipt));
        Assert.Single(_world.Store.History("2024-wuxi", "jd", "report:2024-05-14"));
        Assert.Empty(_world.Store.History("2024-wuxi", "jd", "report:2024-05-15"));
        if (expected.StartsWith("补交", StringComparison.Ordinal))
            Assert.Contains("截止时间 5月14日 12:00，首次提交于 5月15日 00:01。", CardJson.AllText(receipt));
    }

    [Fact]
    public async Task DoubleClick_StoresOnce()
    {
        var form = await _world.CardForAsync(Liaison, "日报");
        var click = CardJson.Click(form, "report.submit", FormSteps.ValidReport());
        await _world.ExecuteAsync(Liaison, click);
        await _world.ExecuteAsync(Liaison, click);
        Assert.Single(_world.Store.History("2024-wuxi", "jd", "report:2024-05-14"));
    }

    [Fact]
    public async Task Edit_IsPrefilled_AndBecomesVersion2()
    {
        var receipt = await FormSteps.SubmitAsync(_world, "日报", "report.submit", _ => FormSteps.ValidReport());
        var form = (await _world.ExecuteAsync(Liaison, CardJson.Click(receipt, "form.open"))).Card();

        Assert.Equal("180", CardJson.Value(form, "participants"));
        Assert.Equal(FormSteps.ValidReport()["mediaLinks"], CardJson.Value(form, "mediaLinks"));
        // The activity typed in last time is now a ticked choice.
        Assert.Equal(CardJson.Input(form, "held")["choices"]![0]!["value"]!.ToString(), CardJson.Value(form, "held"));
        Assert.Equal("", CardJson.Value(form, "newActivities"));

        _world.Clock.Advance(TimeSpan.FromHours(3));
        var second = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "report.submit", new Dictionary<string, string> { ["participants"] = "210" }))).Card();

        Assert.Equal(2, _world.Store.History("2024-wuxi", "jd", "report:2024-05-14").Count);
        Assert.Contains("第2版", CardJson.AllText(second));
        Assert.Contains("210", CardJson.AllText(second));
        Assert.Contains("已提交 ✓ 13:00", CardJson.AllText(second));
    }

    [Fact]
    public async Task YesterdaysAddedActivities_AreChoicesToday()
    {
        using var world = new FormsWorld(Beijing(2024, 5, 13, 10, 0));
        await FormSteps.SubmitAsync(world, "日报", "report.submit", _ => FormSteps.ValidReport());

        world.SetBeijing(5, 14, 10, 0);
        var today = await world.CardForAsync(Liaison, "日报");

        var choice = Assert.Single(CardJson.Input(today, "held")["choices"]!.AsArray());
        Assert.Equal("“工匠进校园”专题讲座（5月13日新增）", (string?)choice!["title"]);
        Assert.Equal("", CardJson.Value(today, "held"));
        Assert.Equal("", CardJson.Value(today, "participants"));
        Assert.Equal("", CardJson.Value(today, "typicalCase"));

        var receipt = (await world.ExecuteAsync(Liaison, CardJson.Click(today, "report.submit", new Dictionary<string, string>
        {
            ["held"] = (string)choice["value"]!, ["participants"] = "90", ["featureReport"] = "讲座第二场继续开展。",
        }))).Card();
        Assert.Contains("“工匠进校园”专题讲座", CardJson.AllText(receipt));
    }

    [Fact]
    public async Task PhotosAndVideosSentInChat_AreListedOnTheFormAndTheReceipt()
    {
        var media = _world.Get<VocEdWeek.Bot.Files.IMediaStore>();
        foreach (var (name, kind) in new[] { ("开放日1.jpg", VocEdWeek.Bot.Files.MediaKind.Photo), ("开放日2.jpg", VocEdWeek.Bot.Files.MediaKind.Photo), ("签约仪式.mp4", VocEdWeek.Bot.Files.MediaKind.Video) })
        {
            media.Add(new VocEdWeek.Bot.Files.MediaRecord
            {
                WeekId = "2024-wuxi", DepartmentId = "jd", ItemKey = "report:2024-05-14", FileName = name, OriginalName = name, Kind = kind,
                State = VocEdWeek.Bot.Files.MediaState.Stored, ReceivedAt = _world.Clock.GetUtcNow().UtcDateTime, FromName = "张伟",
            });
        }

        var form = await _world.CardForAsync(Liaison, "日报");
        Assert.True(CardJson.AllText(form).Contains("已收到2 张照片、1 个视频：开放日1.jpg、开放日2.jpg、签约仪式.mp4", StringComparison.Ordinal), CardJson.AllText(form));

        var receipt = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "report.submit", FormSteps.ValidReport()))).Card();
        Assert.Contains("2 张照片、1 个视频：开放日1.jpg、开放日2.jpg、签约仪式.mp4", CardJson.AllText(receipt));
        // Another day's report does not list them.
        var other = await FormSteps.SubmitAsync(_world, "日报 5月13日", "report.submit", _ => FormSteps.ValidReport());
        Assert.Contains("尚未收到；直接在本对话中发送给我即可", CardJson.AllText(other));
    }
}
