using VocEdWeek.Bot.Features.WeekSetup.Notice;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.Notice;

/// <summary>A small notice in the usual shape, and its draft; phrasing tests change one part of it at a time.</summary>
public static class PhrasingNotices
{
    public const string Plain = """
        关于做好2024年职业教育活动周工作的通知
        各二级学院：
        一、时间：2024年5月12日至18日。
        二、主题：一技在手，一生无忧。
        三、5月12日中午12点前，各二级学院报送活动方案与信息采集表。5月19日下班前，各二级学院报送统计表和活动周总结。
        四、活动周期间，每天中午12:00前将宣传资料报送至教务处。
        教务处
        2024年5月11日
        """;

    public static readonly WeekDraft PlainDraft = new()
    {
        Title = "2024年职业教育活动周",
        Theme = "一技在手，一生无忧",
        Office = "教务处",
        Start = new DateOnly(2024, 5, 12),
        End = new DateOnly(2024, 5, 18),
        PlanDeadline = new DateTime(2024, 5, 12, 12, 0, 0),
        DailyReportTime = new TimeOnly(12, 0),
        StatisticsDeadline = new DateTime(2024, 5, 19, 17, 30, 0),
        SummaryDeadline = new DateTime(2024, 5, 19, 17, 30, 0),
        Missing = [WeekDraftFields.School],
    };

    public static WeekDraft Parse(string text, NoticeParseOptions? options = null) => NoticeParser.Parse(text, options ?? SeedNotices.Options);
}
