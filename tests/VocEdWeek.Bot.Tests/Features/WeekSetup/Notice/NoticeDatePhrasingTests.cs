using VocEdWeek.Bot.Features.WeekSetup.Notice;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.Notice;

/// <summary>The week's days and year, however the notice writes them.</summary>
public sealed class NoticeDatePhrasingTests
{
    [Theory]
    [InlineData("2024年5月12日至18日")]
    [InlineData("2024年5月12日—18日")]
    [InlineData("2024年5月12日-5月18日")]
    [InlineData("2024年5月12日~5月18日")]
    [InlineData("2024年5月12日到18日")]
    [InlineData("2024年5月12日－5月18日")]
    [InlineData("2024年5月12日～18日")]
    [InlineData("5月12日（星期日）至18日（星期六）")]
    [InlineData("5月12号至18号")]
    [InlineData("二〇二四年五月十二日至十八日")]
    [InlineData("２０２４年５月１２日至１８日")]
    [InlineData("2024 年 5 月 12 日至 18 日")]
    public void Every_way_of_writing_the_days_gives_the_same_week(string days) =>
        DraftAssert.Same(PhrasingNotices.PlainDraft, PhrasingNotices.Parse(PhrasingNotices.Plain.Replace("2024年5月12日至18日", days, StringComparison.Ordinal)));

    [Fact]
    public void Chinese_numerals_everywhere()
    {
        const string notice = """
            各二级学院：
            时间：二〇二四年五月十二日至十八日。
            五月十一日上午十点前报送活动方案。五月十九日之前报送统计表和总结。活动周期间每天上午十点半前报送日报。
            """;
        DraftAssert.Same(new WeekDraft
        {
            Title = "2024年职业教育活动周",
            Start = new DateOnly(2024, 5, 12),
            End = new DateOnly(2024, 5, 18),
            PlanDeadline = new DateTime(2024, 5, 11, 10, 0, 0),
            DailyReportTime = new TimeOnly(10, 30),
            StatisticsDeadline = new DateTime(2024, 5, 19, 17, 30, 0),
            SummaryDeadline = new DateTime(2024, 5, 19, 17, 30, 0),
            Missing = [WeekDraftFields.Theme, WeekDraftFields.School, WeekDraftFields.Office],
        }, PhrasingNotices.Parse(notice));
    }

    [Fact]
    public void The_year_only_in_the_title()
    {
        const string notice = "关于办好2023年职业教育活动周的通知\n各学院：\n时间：5月7日至13日。\n5月14日下班前报送总结。";
        var draft = PhrasingNotices.Parse(notice);
        Assert.Equal(("2023年职业教育活动周", new DateOnly(2023, 5, 7), new DateOnly(2023, 5, 13)), (draft.Title, draft.Start, draft.End));
        Assert.Equal(new DateTime(2023, 5, 14, 17, 30, 0), draft.SummaryDeadline);
    }

    [Fact]
    public void The_year_only_in_the_signature_date()
    {
        const string notice = "各学院：\n时间：5月12日至18日。\n主题：一技在手，一生无忧。\n无锡示例职业技术学院教务处\n2024年5月11日";
        DraftAssert.Same(new WeekDraft
        {
            Title = "2024年职业教育活动周",
            Theme = "一技在手，一生无忧",
            School = "无锡示例职业技术学院",
            Office = "教务处",
            Start = new DateOnly(2024, 5, 12),
            End = new DateOnly(2024, 5, 18),
            Missing = [WeekDraftFields.PlanDeadline, WeekDraftFields.DailyReportTime, WeekDraftFields.StatisticsDeadline, WeekDraftFields.SummaryDeadline],
        }, PhrasingNotices.Parse(notice));
    }

    [Theory]
    [InlineData("2026-03-01", "2026-05-12")]
    [InlineData("2026-06-01", "2027-05-12")]
    public void No_year_at_all_takes_the_next_such_date_from_today(string today, string start)
    {
        var draft = PhrasingNotices.Parse("时间：5月12日至18日。", new NoticeParseOptions { Today = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture) });
        var first = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((first, first.AddDays(6), $"{first.Year}年职业教育活动周"), (draft.Start, draft.End, draft.Title));
    }

    [Fact]
    public void November_week_named_in_a_sentence_not_a_time_line()
    {
        const string notice = "关于做好2020年山东省职业教育活动周相关工作的通知\n我省定于11月8日至14日开展全省职业教育活动周活动。";
        var draft = PhrasingNotices.Parse(notice);
        Assert.Equal(("2020年山东省职业教育活动周", new DateOnly(2020, 11, 8), new DateOnly(2020, 11, 14)), (draft.Title, draft.Start, draft.End));
    }

    [Fact]
    public void A_week_over_new_year_ends_in_the_next_year()
    {
        var draft = PhrasingNotices.Parse("关于做好2025年职业教育活动周的通知\n时间：12月28日至1月3日。\n1月4日前报送总结。");
        Assert.Equal((new DateOnly(2025, 12, 28), new DateOnly(2026, 1, 3)), (draft.Start, draft.End));
        Assert.Equal(new DateTime(2026, 1, 4, 17, 30, 0), draft.SummaryDeadline);
    }
}
