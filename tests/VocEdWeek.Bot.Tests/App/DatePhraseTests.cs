using Microsoft.Extensions.Time.Testing;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Tests.App;

public sealed class DatePhraseTests
{
    // The 2024 Wuxi week runs Sunday 12 May to Saturday 18 May; "today" is Wednesday 15 May.
    private static readonly DateOnly Today = new(2024, 5, 15);
    private static readonly DateOnly[] Week = Enumerable.Range(12, 7).Select(d => new DateOnly(2024, 5, d)).ToArray();

    [Theory]
    [InlineData("今天", "2024-05-15")]
    [InlineData("今日", "2024-05-15")]
    [InlineData("today", "2024-05-15")]
    [InlineData("Today", "2024-05-15")]
    [InlineData("昨天", "2024-05-14")]
    [InlineData("昨日", "2024-05-14")]
    [InlineData("yesterday", "2024-05-14")]
    [InlineData("前天", "2024-05-13")]
    [InlineData("day before yesterday", "2024-05-13")]
    [InlineData("明天", "2024-05-16")]
    [InlineData("tomorrow", "2024-05-16")]
    [InlineData("后天", "2024-05-17")]
    [InlineData("周一", "2024-05-13")]
    [InlineData("周二", "2024-05-14")]
    [InlineData("星期三", "2024-05-15")]
    [InlineData("礼拜四", "2024-05-16")]
    [InlineData("周日", "2024-05-12")]
    [InlineData("星期天", "2024-05-12")]
    [InlineData("周六", "2024-05-18")]
    [InlineData("Monday", "2024-05-13")]
    [InlineData("tue", "2024-05-14")]
    [InlineData("Sunday", "2024-05-12")]
    [InlineData("上周一", "2024-05-06")]
    [InlineData("下周一", "2024-05-20")]
    [InlineData("本周五", "2024-05-17")]
    [InlineData("last friday", "2024-05-10")]
    [InlineData("next monday", "2024-05-20")]
    [InlineData("5月14日", "2024-05-14")]
    [InlineData("5月14号", "2024-05-14")]
    [InlineData("5月14", "2024-05-14")]
    [InlineData("５月１４日", "2024-05-14")]
    [InlineData("五月十四日", "2024-05-14")]
    [InlineData("五月十二号", "2024-05-12")]
    [InlineData("14日", "2024-05-14")]
    [InlineData("十三号", "2024-05-13")]
    [InlineData("5/14", "2024-05-14")]
    [InlineData("5-13", "2024-05-13")]
    [InlineData("05.16", "2024-05-16")]
    [InlineData("2024-05-14", "2024-05-14")]
    [InlineData("2024/5/14", "2024-05-14")]
    [InlineData("2024年5月14日", "2024-05-14")]
    [InlineData("2024.05.14", "2024-05-14")]
    [InlineData("May 14", "2024-05-14")]
    [InlineData("may 14th", "2024-05-14")]
    [InlineData("14 May", "2024-05-14")]
    [InlineData("the 14th of May", "2024-05-14")]
    [InlineData("第3天", "2024-05-14")]
    [InlineData("第一天", "2024-05-12")]
    [InlineData("day 7", "2024-05-18")]
    [InlineData("12月31日", "2024-12-31")]
    public void Phrase_ResolvesToTheDay(string phrase, string expected)
    {
        var match = DatePhrase.Find(phrase, Today, Week);
        Assert.NotNull(match);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), match.Date);
    }

    [Theory]
    [InlineData("日报 5月14日", "日报")]
    [InlineData("5月14日日报", "日报")]
    [InlineData("昨天的日报", "日报")]
    [InlineData("周二的日报", "日报")]
    [InlineData("report for yesterday", "report")]
    [InlineData("report on May 14", "report")]
    [InlineData("report 2024-05-14", "report")]
    [InlineData("补交 5/13 日报", "补交  日报")]
    public void Find_ReturnsTheTextAroundThePhrase(string text, string rest)
    {
        Assert.Equal(rest, DatePhrase.Find(text, Today, Week)!.Rest);
    }

    [Theory]
    [InlineData("2月30日")]
    [InlineData("2024-13-01")]
    [InlineData("13/45")]
    [InlineData("第9天")]
    public void ImpossibleDates_AreFound_ButHaveNoDate(string text)
    {
        var match = DatePhrase.Find(text, Today, Week);
        Assert.NotNull(match);
        Assert.False(match.IsValid);
    }

    [Theory]
    [InlineData("日报")]
    [InlineData("report")]
    [InlineData("我的提交")]
    [InlineData("统计表")]
    [InlineData("星期")]
    [InlineData("plan summary")]
    public void TextWithoutADate_HasNoMatch(string text)
    {
        Assert.Null(DatePhrase.Find(text, Today, Week));
    }

    [Fact]
    public void Parse_WantsTheWholeTextToBeTheDate()
    {
        Assert.Equal(new DateOnly(2024, 5, 14), DatePhrase.Parse("昨天", Today, Week));
        Assert.Null(DatePhrase.Parse("昨天的日报", Today, Week));
    }

    [Fact]
    public void WithoutAWeek_WeekdaysAreInTheCurrentMondayToSundayWeek()
    {
        Assert.Equal(new DateOnly(2024, 5, 13), DatePhrase.Find("周一", Today)!.Date);
        Assert.Equal(new DateOnly(2024, 5, 19), DatePhrase.Find("周日", Today)!.Date);
        Assert.Equal(new DateOnly(2024, 5, 14), DatePhrase.Find("5月14日", Today)!.Date);
    }

    [Fact]
    public void AWeekAcrossNewYear_PutsMonthDayInTheRightYear()
    {
        var week = Enumerable.Range(0, 7).Select(i => new DateOnly(2024, 12, 29).AddDays(i)).ToArray();
        var today = new DateOnly(2025, 1, 2);
        Assert.Equal(new DateOnly(2024, 12, 30), DatePhrase.Find("12月30日", today, week)!.Date);
        Assert.Equal(new DateOnly(2025, 1, 1), DatePhrase.Find("1/1", today, week)!.Date);
        Assert.Equal(new DateOnly(2024, 12, 31), DatePhrase.Find("31号", today, week)!.Date);
    }

    [Fact]
    public void TodayComesFromTheClock_InTheWeeksTimeZone()
    {
        var calendar = new WeekCalendar(new WeekDefinition { Id = "w", Title = "w", TimeZone = "Asia/Shanghai", Start = Week[0], End = Week[^1] });
        // 16:30 UTC on the 14th is already 00:30 on the 15th in Beijing.
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 5, 14, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2024, 5, 15), DatePhrase.Find("今天", calendar, clock)!.Date);
        Assert.Equal(new DateOnly(2024, 5, 14), DatePhrase.Find("yesterday", calendar, clock)!.Date);
    }

    [Theory]
    [InlineData("十", 10)]
    [InlineData("十四", 14)]
    [InlineData("二十", 20)]
    [InlineData("二十一", 21)]
    [InlineData("廿一", 21)]
    [InlineData("卅一", 31)]
    [InlineData("三十", 30)]
    [InlineData("二〇", 20)]
    [InlineData("7", 7)]
    public void ChineseNumbers(string text, int expected) => Assert.Equal(expected, ChineseNumber.Parse(text));

    [Theory]
    [InlineData("十十")]
    [InlineData("abc")]
    [InlineData("")]
    public void NotChineseNumbers(string text) => Assert.Null(ChineseNumber.Parse(text));
}
