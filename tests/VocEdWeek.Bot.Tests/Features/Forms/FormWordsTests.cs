using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Tests.Features.Forms;

public sealed class FormWordsTests
{
    [Theory]
    [InlineData("计划", "plan")]
    [InlineData("我要填写方案", "plan")]
    [InlineData("请打开信息采集表", "plan")]
    [InlineData("方案与信息采集表", "plan")]
    [InlineData("Open the plan form", "plan")]
    [InlineData("日报", "report")]
    [InlineData("写日报", "report")]
    [InlineData("填一下日报", "report")]
    [InlineData("submit daily report", "report")]
    [InlineData("今日报送！", "report")]
    [InlineData("统计表", "stats")]
    [InlineData("填写统计表吧", "stats")]
    [InlineData("Statistics", "stats")]
    [InlineData("总结", "summary")]
    [InlineData("提交活动周总结", "summary")]
    [InlineData("my submissions", "mine")]
    [InlineData("我的提交", "mine")]
    [InlineData("看看我的报送", "mine")]
    [InlineData("Show my submissions", "mine")]
    public void LooseWording_FindsTheCommand(string typed, string expected)
    {
        var text = CommandText.From(typed);
        var found = new Dictionary<string, string[]>
        {
            ["plan"] = FormWords.Plan, ["report"] = FormWords.Report, ["stats"] = FormWords.Statistics,
            ["summary"] = FormWords.Summary, ["mine"] = FormWords.Mine,
        }.Where(p => FormWords.Matches(text, p.Value)).Select(p => p.Key).ToList();
        Assert.Equal([expected], found);
    }

    [Theory]
    [InlineData("帮助")]
    [InlineData("谁没交")]
    [InlineData("进度")]
    [InlineData("设为通知频道")]
    [InlineData("我要")]
    [InlineData("plan b for the weekend")]
    public void OtherText_IsNotAFormCommand(string typed)
    {
        var text = CommandText.From(typed);
        Assert.DoesNotContain(new[] { FormWords.Plan, FormWords.Report, FormWords.Statistics, FormWords.Summary, FormWords.Mine }, p => FormWords.Matches(text, p));
    }
}
