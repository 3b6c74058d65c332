using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using static VocEdWeek.Bot.Tests.Features.Forms.FormsWorld;

namespace VocEdWeek.Bot.Tests.Features.DailyReport;

public sealed class DailyReportValidationTests : IDisposable
{
    private readonly FormsWorld _world = new(Beijing(2024, 5, 14, 10, 0));

    public void Dispose() => _world.Dispose();

    [Theory]
    [InlineData("participants", "", "participants", "此项为必填")]
    [InlineData("participants", "-1", "participants", "不能为负数")]
    [InlineData("participants", "12.5", "participants", "整数")]
    [InlineData("participants", "abc", "participants", "请填写数字")]
    [InlineData("mediaLinks", "https://news.example.com/a/1\nnews.example.com/b", "mediaLinks", "第 2 行不是有效网址：news.example.com/b")]
    [InlineData("mediaLinks", "javascript:alert(1)", "mediaLinks", "第 1 行不是有效网址")]
    [InlineData("newActivities", "", "newActivities", "请勾选或填写当天开展的至少一项活动")]
    [InlineData("held", "p-forged", "newActivities", "所选活动不在可选列表中")]
    public async Task BadInput_ComesBackWithTheMessageUnderTheField(string field, string value, string errorUnder, string message)
    {
        var form = await _world.CardForAsync(Liaison, "日报");
        var typed = FormSteps.ValidReport();
        typed[field] = value;

        var card = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "report.submit", typed))).Card();

        Assert.Contains(message, CardJson.ErrorUnder(card, errorUnder) ?? "(no error)");
        foreach (var (id, v) in typed.Where(p => p.Key != "participants" && p.Key != "held")) Assert.Equal(v, CardJson.Value(card, id));
        Assert.Empty(_world.Store.History("2024-wuxi", "jd", "report:2024-05-14"));
        Assert.Contains("5月14日（周二）日报", CardJson.AllText(card));
    }

    [Fact]
    public async Task NoTextAtAll_AsksForOneOfTheThree()
    {
        var form = await _world.CardForAsync(Liaison, "日报");
        var typed = FormSteps.ValidReport();
        typed["typicalCase"] = typed["story"] = typed["featureReport"] = " ";

        var card = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "report.submit", typed))).Card();

        Assert.Equal("请至少填写典型活动案例、典型职教故事、活动报道中的一项", CardJson.ErrorUnder(card, "typicalCase"));
    }

    [Theory]
    [InlineData("typicalCase")]
    [InlineData("story")]
    [InlineData("featureReport")]
    public async Task TooLongText_IsRefused(string field)
    {
        var form = await _world.CardForAsync(Liaison, "日报");
        var typed = FormSteps.ValidReport();
        typed[field] = new string('文', 3001);

        var card = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "report.submit", typed))).Card();

        Assert.Equal("最多 3000 字，现在 3001 字", CardJson.ErrorUnder(card, field));
        Assert.Equal(typed[field], CardJson.Value(card, field));
    }

    [Fact]
    public async Task TooLongActivityName_IsRefused()
    {
        var form = await _world.CardForAsync(Liaison, "日报");
        var typed = FormSteps.ValidReport();
        typed["newActivities"] = new string('活', 101);

        var card = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "report.submit", typed))).Card();

        Assert.Contains("过长（每个最多 100 字）", CardJson.ErrorUnder(card, "newActivities"));
    }

    [Fact]
    public async Task SeveralProblems_AreAllShown()
    {
        var form = await _world.CardForAsync(Liaison, "日报");
        var typed = FormSteps.ValidReport();
        typed["participants"] = "-3";
        typed["mediaLinks"] = "not a link";

        var card = (await _world.ExecuteAsync(Liaison, CardJson.Click(form, "report.submit", typed))).Card();

        Assert.Contains("有 2 处需要修改", CardJson.AllText(card));
        Assert.NotNull(CardJson.ErrorUnder(card, "participants"));
        Assert.NotNull(CardJson.ErrorUnder(card, "mediaLinks"));
    }

    [Fact]
    public async Task ActionSubmit_WithAMistake_UpdatesTheCardWithTheErrors()
    {
        var form = await _world.CardForAsync(Liaison, "日报");
        var cardMessage = _world.Messenger.Sent[^1].ActivityId;
        var typed = FormSteps.ValidReport();
        typed["participants"] = "-3";

        await _world.SubmitAsync(Liaison, CardJson.Click(form, "report.submit", typed), cardMessage);

        var (_, id, message) = Assert.Single(_world.Messenger.Updated);
        Assert.Equal(cardMessage, id);
        var card = message.Cards.Single();
        Assert.Equal("不能为负数", CardJson.ErrorUnder(card, "participants"));
        Assert.Equal(typed["typicalCase"], CardJson.Value(card, "typicalCase"));
        Assert.Empty(_world.Store.History("2024-wuxi", "jd", "report:2024-05-14"));
    }
}
