using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Features.Statistics;

public sealed class StatisticsFormTests : IDisposable
{
    private static readonly string[] Fields =
        ["activitiesHeld", "studentParticipants", "teacherParticipants", "publicParticipants", "enterprises", "agreements", "jobsOffered", "mediaNational", "mediaProvincial", "mediaMunicipal", "onlineViews"];

    private readonly FormsWorld _world = new(Beijing(2024, 5, 14, 10, 0));

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task BeforeTheLastDay_ItIsNotOpenYet()
    {
        Assert.Equal("情况统计表从活动周最后一天（5月18日）起开放填写。", await _world.TextForAsync(Liaison, "统计"));
    }

    [Theory]
    [InlineData("统计")]
    [InlineData("统计表")]
    [InlineData("stats")]
    [InlineData("附件2")]
    public async Task OnTheLastDay_RendersElevenWholeNumberInputs(string command)
    {
        _world.SetBeijing(5, 18, 16, 0);
        var card = await _world.CardForAsync(Liaison, command);

        foreach (var id in Fields)
        {
            var input = CardJson.Input(card, id);
            Assert.Equal("Input.Number", (string?)input["type"]);
            Assert.Equal("0", CardJson.Text(input["min"]));
            Assert.True((bool)input["isRequired"]!);
        }
        var text = CardJson.AllText(card);
        Assert.Contains("参与家长及社会公众（人次）", text);
        Assert.Contains("招聘会提供岗位数（个）", text);
        Assert.Contains("截止时间：5月19日 17:30", text);
    }

    [Fact]
    public async Task ActivitiesHeld_IsPrefilledFromTheDailyReports()
    {
        await FormSteps.SubmitAsync(_world, "日报", "report.submit", _ => FormSteps.ValidReport());
        _world.SetBeijing(5, 19, 9, 0);

        var card = await _world.CardForAsync(Liaison, "统计");

        Assert.Equal("1", CardJson.Value(card, "activitiesHeld"));
        Assert.Equal("", CardJson.Value(card, "studentParticipants"));
        Assert.Contains("日报合计：1 天报送，1 项次活动，180 人次参与（供核对）。", CardJson.AllText(card));
    }

    [Theory]
    [InlineData("studentParticipants", "", "此项为必填")]
    [InlineData("teacherParticipants", "-1", "不能为负数")]
    [InlineData("enterprises", "3.5", "整数")]
    [InlineData("jobsOffered", "1e2.5", "请填写数字")]
    [InlineData("onlineViews", "2000000000", "数字过大")]
    [InlineData("mediaNational", "0.0001", "整数")]
    public async Task BadNumbers_ComeBackWithTheMessageUnderTheField(string field, string value, string message)
    {
        _world.SetBeijing(5, 19, 9, 0);
        var form = await _world.CardForAsync(Liaison, "统计");
        var typed = FormSteps.ValidStatistics();
        typed[field] = value;

        var card = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "stats.submit", typed))).Card();

        Assert.Contains(message, CardJson.ErrorUnder(card, field));
        foreach (var (id, v) in typed.Where(p => p.Key != field)) Assert.Equal(v, CardJson.Value(card, id));
        Assert.Empty(_world.Store.History("2024-wuxi", "jd", "statistics"));
    }

    [Fact]
    public async Task Submit_Receipt_Edit_Version2()
    {
        _world.SetBeijing(5, 19, 17, 0);
        var receipt = await FormSteps.SubmitAsync(_world, "统计", "stats.submit", _ => FormSteps.ValidStatistics());

        var text = CardJson.AllText(receipt);
        Assert.Contains("已提交 ✓ 17:00", text);
        Assert.Contains("招聘会提供岗位数（个）", text);
        Assert.Contains("420", text);
        // Read as JSON: PostgreSQL keeps form data as jsonb, which gives it back in its own spacing.
        var data = System.Text.Json.JsonDocument.Parse(_world.Store.Current("2024-wuxi", "jd", "statistics")!.Data).RootElement;
        Assert.Equal(25000, data.GetProperty("onlineViews").GetInt32());

        _world.SetBeijing(5, 19, 17, 45);
        var form = (await _world.ExecuteAsync(Liaison, CardJson.Click(receipt, "form.open"))).Card();
        Assert.Equal("420", CardJson.Value(form, "jobsOffered"));
        var second = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "stats.submit", new Dictionary<string, string> { ["jobsOffered"] = "450" }))).Card();

        Assert.Contains("第2版", CardJson.AllText(second));
        Assert.Contains("已提交 ✓ 17:45", CardJson.AllText(second)); // on time: the first version came before 17:30
        Assert.Equal(2, _world.Store.History("2024-wuxi", "jd", "statistics").Count);
    }

    [Fact]
    public async Task AfterItsDeadline_IsLate_ThenMadeUpTheNextDay()
    {
        _world.SetBeijing(5, 19, 17, 31);
        Assert.Contains("迟交 ✓ 17:31", CardJson.AllText(await FormSteps.SubmitAsync(_world, "统计", "stats.submit", _ => FormSteps.ValidStatistics())));

        _world.SetBeijing(5, 20, 8, 0);
        var summary = await FormSteps.SubmitAsync(_world, "总结", "summary.submit", _ => new() { ["summaryText"] = "活动周总结正文。" });
        Assert.Contains("补交 ✓ 5月20日 08:00", CardJson.AllText(summary));
    }
}
