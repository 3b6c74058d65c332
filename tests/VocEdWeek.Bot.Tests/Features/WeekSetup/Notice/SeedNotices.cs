using VocEdWeek.Bot.Features.WeekSetup.Notice;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.Notice;

/// <summary>The two real notices (TestData/notices) and the drafts a careful reader takes from them.</summary>
public static class SeedNotices
{
    public const string Wuxi2024 = "2024-wuxi-college";
    public const string Shandong2020 = "2020-shandong";

    public static readonly IReadOnlyList<string> Names = [Wuxi2024, Shandong2020];

    /// <summary>A "today" far from both weeks: every year must come from the notices themselves.</summary>
    public static readonly NoticeParseOptions Options = new() { Today = new DateOnly(2031, 3, 1) };

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "VocEdWeek.Bot.Tests", "TestData", "notices");

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Folder, name + ".txt"));

    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name + ".txt"));

    public static WeekDraft Expected(string name) => name switch
    {
        // "下班前" on 5月19日 is that day's end of work (17:30 by default); the notice names no school.
        Wuxi2024 => new WeekDraft
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
        },
        // The plan (方案, 宣传专栏地址, 联络员) "于2020年11月5日前" to 省教育厅职业教育处; the summary report and the
        // statistics table "于2020年11月20日之前" — both by the end of work that day. Daily material is asked for
        // "每天" with no time, so the daily time is missing; a provincial notice names no school.
        Shandong2020 => new WeekDraft
        {
            Title = "2020年山东省职业教育活动周",
            Theme = "人人出彩，技能强国",
            Office = "省教育厅职业教育处",
            Start = new DateOnly(2020, 11, 8),
            End = new DateOnly(2020, 11, 14),
            PlanDeadline = new DateTime(2020, 11, 5, 17, 30, 0),
            StatisticsDeadline = new DateTime(2020, 11, 20, 17, 30, 0),
            SummaryDeadline = new DateTime(2020, 11, 20, 17, 30, 0),
            Missing = [WeekDraftFields.School, WeekDraftFields.DailyReportTime],
        },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
