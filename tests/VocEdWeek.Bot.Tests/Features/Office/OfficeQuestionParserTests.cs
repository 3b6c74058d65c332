using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Tests.Features.Office;

/// <summary>
/// Staff questions as they are really typed, on Tuesday 14 May 2024 at 10:00 Beijing time (02:00 UTC) in the 2024 Wuxi
/// week (Sunday 12 May to Saturday 18 May): intent, item and day, or null for anything that is not an office question.
/// </summary>
public sealed class OfficeQuestionParserTests
{
    private static readonly WeekCalendar Calendar = new(WeekLoader.Load(Path.Combine(RepoPaths.Samples, "2024-wuxi.json")));
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2024, 5, 14, 2, 0, 0, TimeSpan.Zero));

    private static OfficeQuestion? Parse(string text) =>
        OfficeQuestionParser.Parse(text, Calendar.LocalDate(Clock.GetUtcNow()), Calendar.Days);

    [Theory]
    // The issue's own examples.
    [InlineData("今天谁还没报送", "missing", "report", "05-14")]
    [InlineData("谁没交日报", "missing", "report", "05-14")]
    [InlineData("昨天的日报谁没交", "missing", "report", "05-13")]
    [InlineData("5月14日", "missing", "report", "05-14")]
    [InlineData("计划表还有谁没交", "missing", "plan", null)]
    [InlineData("统计表进度", "progress", "statistics", null)]
    [InlineData("总结", "missing", "summary", null)]
    [InlineData("who hasn't reported today", "missing", "report", "05-14")]
    [InlineData("who is missing the plan", "missing", "plan", null)]
    [InlineData("status for May 14", "progress", "report", "05-14")]
    // Loose Chinese wording.
    [InlineData("谁没交", "missing", "report", "05-14")]
    [InlineData("还有哪些学院没报", "missing", "report", "05-14")]
    [InlineData("未报送名单", "missing", "report", "05-14")]
    [InlineData("没提交的", "missing", "report", "05-14")]
    [InlineData("催一下", "missing", "report", "05-14")]
    [InlineData("日报", "missing", "report", "05-14")]
    [InlineData("今天的日报", "missing", "report", "05-14")]
    [InlineData("计划", "missing", "plan", null)]
    [InlineData("统计表", "missing", "statistics", null)]
    [InlineData("报送情况", "progress", "report", "05-14")]
    [InlineData("前天的日报情况", "progress", "report", "05-12")]
    [InlineData("周一的日报还有谁没交", "missing", "report", "05-13")]
    [InlineData("星期日谁没交", "missing", "report", "05-12")]
    [InlineData("十四号谁没交日报", "missing", "report", "05-14")]
    [InlineData("第三天的日报交齐了没", "missing", "report", "05-14")]
    [InlineData("5/15谁没交", "missing", "report", "05-15")]
    [InlineData("2024-05-13 日报", "missing", "report", "05-13")]
    [InlineData("5月13日报谁没交", "missing", "report", "05-13")]
    [InlineData("今日报送进度", "progress", "report", "05-14")]
    [InlineData("方案与信息采集表谁还没交", "missing", "plan", null)]
    [InlineData("情况统计表交齐了吗", "missing", "statistics", null)]
    [InlineData("活动周总结还差哪些学院", "missing", "summary", null)]
    [InlineData("哪些部门还没提交总结", "missing", "summary", null)]
    [InlineData("统计一下今天谁没交", "missing", "report", "05-14")]
    [InlineData("请问截至目前还有哪几个二级学院没有上报今日材料", "missing", "report", "05-14")]
    // Full-width punctuation and digits, exclamations, typos (保送 for 报送, 叫 for 交).
    [InlineData("今天谁还没报送？", "missing", "report", "05-14")]
    [InlineData("今天谁还没报送！！", "missing", "report", "05-14")]
    [InlineData("５月１４日的日报，谁没交？", "missing", "report", "05-14")]
    [InlineData("谁还没保送", "missing", "report", "05-14")]
    [InlineData("昨天日报谁没叫", "missing", "report", "05-13")]
    [InlineData("统记表进度", "progress", "statistics", null)]
    // Leftover names (the bot's own mention is stripped; other people's names stay).
    [InlineData("张伟 今天谁还没报送", "missing", "report", "05-14")]
    [InlineData("@职教活动周助手 谁没交日报", "missing", "report", "05-14")]
    [InlineData("吴老师 计划表还有谁没交？", "missing", "plan", null)]
    // Loose English wording and typos.
    [InlineData("Who hasn't submitted yesterday's report?", "missing", "report", "05-13")]
    [InlineData("whos mising today??", "missing", "report", "05-14")]
    [InlineData("which departments haven't sent the statistics", "missing", "statistics", null)]
    [InlineData("missing summary", "missing", "summary", null)]
    [InlineData("who's late with the plan", "missing", "plan", null)]
    [InlineData("report status 2024-05-13", "progress", "report", "05-13")]
    [InlineData("progress of the daily report on Tuesday", "progress", "report", "05-14")]
    [InlineData("Who still hasn't handed in the summary?", "missing", "summary", null)]
    [InlineData("outstanding reports for yesterday", "missing", "report", "05-13")]
    [InlineData("how many departments have submitted today", "progress", "report", "05-14")]
    [InlineData("STATUS FOR 14 MAY", "progress", "report", "05-14")]
    [InlineData("remind them", "missing", "report", "05-14")]
    [InlineData("sumary", "missing", "summary", null)]
    [InlineData("who hasnt reportd on yestarday", "missing", "report", "05-13")]
    public void Parse_StaffQuestion_GivesIntentItemAndDay(string text, string intent, string item, string? day)
    {
        var q = Parse(text);

        Assert.NotNull(q);
        Assert.Equal(intent, q.Intent == OfficeIntent.Missing ? "missing" : "progress");
        Assert.Equal(item, Name(q.Item));
        Assert.False(q.IsWholeWeek);
        if (day is not null) Assert.Equal(DateOnly.Parse("2024-" + day), q.Day);
        Assert.Null(q.BadDate);
    }

    [Theory]
    [InlineData("进度", "progress")]
    [InlineData("全部进度", "progress")]
    [InlineData("目前的完成情况", "progress")]
    [InlineData("status", "progress")]
    [InlineData("stauts", "progress")]
    [InlineData("show me the progress", "progress")]
    [InlineData("本周谁没交", "missing")]
    [InlineData("这周日报进度", "progress")]
    [InlineData("整个活动周还有谁没交？", "missing")]
    [InlineData("who is missing this week", "missing")]
    [InlineData("daily report progress this week", "progress")]
    public void Parse_WholeWeekQuestion_CoversEveryItem(string text, string intent)
    {
        var q = Parse(text);

        Assert.NotNull(q);
        Assert.Equal(intent, q.Intent == OfficeIntent.Missing ? "missing" : "progress");
        Assert.True(q.IsWholeWeek);
    }

    [Theory]
    [InlineData("今天天气怎么样")]
    [InlineData("帮我写个总结")]
    [InlineData("我要填日报")]
    [InlineData("你好")]
    [InlineData("谢谢")]
    [InlineData("设为通知频道")]
    [InlineData("明天开会吗")]
    [InlineData("怎么上传照片")]
    [InlineData("进度条怎么设置")]
    [InlineData("how are you")]
    [InlineData("what's the weather like tomorrow")]
    [InlineData("please fill in the plan")]
    [InlineData("how do I upload videos")]
    [InlineData("我的提交")]
    [InlineData("help")]
    [InlineData("123")]
    [InlineData("")]
    public void Parse_NotAnOfficeQuestion_GivesNull(string text)
    {
        Assert.Null(Parse(text));
    }

    [Fact]
    public void Parse_ImpossibleDate_SaysSoInsteadOfGuessing()
    {
        var q = Parse("2月30日谁没交");

        Assert.NotNull(q);
        Assert.Equal("2月30日", q.BadDate);
    }

    [Fact]
    public void Parse_SameQuestionThroughCommandTextFolding_GivesSameAnswer()
    {
        // The router folds text (NFKC, punctuation) before handlers see it; the parser works on either form.
        var folded = CommandText.From("今天，谁还没报送？！").Folded;
        Assert.Equal(Parse("今天谁还没报送"), Parse(folded));
    }

    private static string Name(ItemKind kind) => kind switch
    {
        ItemKind.Plan => "plan",
        ItemKind.DailyReport => "report",
        ItemKind.Statistics => "statistics",
        _ => "summary",
    };
}
