using VocEdWeek.Bot.Features.WeekSetup.Notice;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.Notice;

/// <summary>"By when", and which item a "by when" belongs to.</summary>
public sealed class NoticeDeadlinePhrasingTests
{
    private const string PlanSentence = "5月12日中午12点前，各二级学院报送活动方案与信息采集表。";

    [Theory]
    [InlineData("5月12日中午12点前", "2024-05-12T12:00")]
    [InlineData("5月12日12:00前", "2024-05-12T12:00")]
    [InlineData("5月12日12时前", "2024-05-12T12:00")]
    [InlineData("5月12日上午十点前", "2024-05-12T10:00")]
    [InlineData("5月12日下午5点前", "2024-05-12T17:00")]
    [InlineData("5月12日17:00前", "2024-05-12T17:00")]
    [InlineData("5月12日下班前", "2024-05-12T17:30")]
    [InlineData("5月12日前", "2024-05-12T17:30")]
    [InlineData("5月12日之前", "2024-05-12T17:30")]
    [InlineData("5月12日（星期日）前", "2024-05-12T17:30")]
    [InlineData("5月12日(星期日)中午12:00前", "2024-05-12T12:00")]
    [InlineData("5月12号之前", "2024-05-12T17:30")]
    [InlineData("12日前", "2024-05-12T17:30")]
    public void Every_way_of_writing_the_plan_deadline(string phrase, string expected)
    {
        var draft = PhrasingNotices.Parse(PhrasingNotices.Plain.Replace("5月12日中午12点前", phrase, StringComparison.Ordinal));
        DraftAssert.Same(PhrasingNotices.PlainDraft with { PlanDeadline = DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture) }, draft);
    }

    [Theory]
    [InlineData("每天中午12:00前", "12:00")]
    [InlineData("每天中午12点前", "12:00")]
    [InlineData("每日上午10时前", "10:00")]
    [InlineData("每天下午4点半前", "16:30")]
    [InlineData("每天下班前", "17:30")]
    public void Every_way_of_writing_the_daily_report_time(string phrase, string expected)
    {
        var draft = PhrasingNotices.Parse(PhrasingNotices.Plain.Replace("每天中午12:00前", phrase, StringComparison.Ordinal));
        DraftAssert.Same(PhrasingNotices.PlainDraft with { DailyReportTime = TimeOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture) }, draft);
    }

    [Fact]
    public void X日之前_is_the_end_of_work_that_day_not_the_day_before()
    {
        var draft = PhrasingNotices.Parse("时间：2024年5月12日至18日。\n请于5月20日之前将活动周总结报送至教务处。");
        Assert.Equal(new DateTime(2024, 5, 20, 17, 30, 0), draft.SummaryDeadline);
        Assert.Null(draft.StatisticsDeadline);
    }

    [Fact]
    public void Another_workday_end_moves_every_dateless_time()
    {
        var options = SeedNotices.Options with { WorkdayEnd = new TimeOnly(17, 0) };
        var draft = PhrasingNotices.Parse(PhrasingNotices.Plain.Replace("5月12日中午12点前", "5月11日前", StringComparison.Ordinal), options);
        DraftAssert.Same(PhrasingNotices.PlainDraft with
        {
            PlanDeadline = new DateTime(2024, 5, 11, 17, 0, 0),
            StatisticsDeadline = new DateTime(2024, 5, 19, 17, 0, 0),
            SummaryDeadline = new DateTime(2024, 5, 19, 17, 0, 0),
        }, draft);
    }

    [Fact]
    public void Two_deadlines_in_one_sentence_each_take_their_own_item()
    {
        var notice = PhrasingNotices.Plain.Replace(PlanSentence, "请于5月10日前报送活动方案，5月21日前报送总结和统计表。", StringComparison.Ordinal)
            .Replace("5月19日下班前，各二级学院报送统计表和活动周总结。", "", StringComparison.Ordinal);
        DraftAssert.Same(PhrasingNotices.PlainDraft with
        {
            PlanDeadline = new DateTime(2024, 5, 10, 17, 30, 0),
            StatisticsDeadline = new DateTime(2024, 5, 21, 17, 30, 0),
            SummaryDeadline = new DateTime(2024, 5, 21, 17, 30, 0),
        }, PhrasingNotices.Parse(notice));
    }

    [Fact]
    public void A_closing_time_written_as_截止时间()
    {
        var notice = PhrasingNotices.Plain.Replace(PlanSentence, "活动方案报送截止时间为5月11日16:00。", StringComparison.Ordinal);
        DraftAssert.Same(PhrasingNotices.PlainDraft with { PlanDeadline = new DateTime(2024, 5, 11, 16, 0, 0) }, PhrasingNotices.Parse(notice));
    }

    [Fact]
    public void A_time_with_no_date_outside_the_week_days_is_not_a_deadline()
    {
        var notice = PhrasingNotices.Plain.Replace("活动周期间，每天中午12:00前将宣传资料报送至教务处。", "请在12:00前到会议室签到。", StringComparison.Ordinal);
        DraftAssert.Same(PhrasingNotices.PlainDraft with { DailyReportTime = null, Missing = [WeekDraftFields.School, WeekDraftFields.DailyReportTime] }, PhrasingNotices.Parse(notice));
    }
}
