using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Features.Exports.Writers.OpenXml;

namespace VocEdWeek.Bot.Features.Exports.Writers;

/// <summary>Wording shared by the exports: the heading line, dates, statuses, fonts.</summary>
public static class ExportText
{
    /// <summary>"2024年5月12日至5月18日" / "May 12, 2024 – May 18, 2024".</summary>
    public static string Dates(WeekDefinition week, Strings t) =>
        t.Format("export_range", t.Format("export_fmt_date", week.Start), t.Format(week.Start.Year == week.End.Year ? "export_fmt_date_same_year" : "export_fmt_date", week.End));

    /// <summary>"主题：…　时间：…　填报单位：教务处".</summary>
    public static string HeadingLine(WeekDefinition week, Strings t)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(week.Theme)) parts.Add(t.Format("export_theme", week.Theme));
        parts.Add(t.Format("export_dates", Dates(week, t)));
        parts.Add(t.Format("export_compiled_by", Owner(week, t)));
        return string.Join(t["export_separator"], parts);
    }

    /// <summary>"无锡市示例职业技术学院教务处", or just the office when the week file names no school.</summary>
    public static string Owner(WeekDefinition week, Strings t) =>
        string.IsNullOrWhiteSpace(week.School) ? week.Office.Name : t.Format("export_owner", week.School.Trim(), week.Office.Name);

    /// <summary>A document's title with the school in front when it is known: "无锡市示例职业技术学院2024年职业教育活动周总结汇编".</summary>
    public static string SchoolTitle(WeekDefinition week, string title, Strings t) =>
        string.IsNullOrWhiteSpace(week.School) ? title : t.Format("export_school_title", week.School.Trim(), title);

    /// <summary>"数据截至 2024-05-14 10:00（北京时间）".</summary>
    public static string AsOf(ExportRun run, Strings t) =>
        t.Format("export_as_of", run.Local(run.Now), OfficeFormat.Zone(run.Calendar, t));

    public static string Zone(ExportRun run, Strings t) => OfficeFormat.Zone(run.Calendar, t);

    /// <summary>按时 / 迟交 / 补交 / 未提交 / 免报, and 未到截止 while a missing item's deadline is still ahead.</summary>
    public static (string Text, SheetStyle Style) Status(DepartmentProgress p, Strings t, bool openWhenNotDue) => p.Status switch
    {
        ItemStatus.OnTime => (t["export_status_on_time"], SheetStyle.Centered),
        ItemStatus.Late => (t["export_status_late"], SheetStyle.Late),
        ItemStatus.MadeUp => (t["export_status_made_up"], SheetStyle.MadeUp),
        ItemStatus.Exempt => (t["export_status_exempt"], SheetStyle.Exempt),
        _ when openWhenNotDue && !p.Overdue => (t["export_status_open"], SheetStyle.Centered),
        _ => (t["export_status_missing"], SheetStyle.Missing),
    };

    public static string Day(DateOnly day, Strings t) => WeekTime.ShortDay(day, t);

    /// <summary>Chinese text is set in DengXian (the Office default for zh-CN); viewers without it fall back to any CJK font.</summary>
    public static string SheetFont(Strings t) => IsEnglish(t) ? "Calibri" : "等线";

    public static DocFonts DocFonts(Strings t) => IsEnglish(t)
        ? new DocFonts("Calibri", "SimSun", "SimHei", "en-US")
        : new DocFonts("Times New Roman", "宋体", "黑体", "zh-CN");

    public static string PageFooter(Strings t) => t["export_page_footer"];

    public static bool IsEnglish(Strings t) => t.Culture.TwoLetterISOLanguageName == "en";
}
