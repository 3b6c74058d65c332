using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Office;

/// <summary>How office answers word times, deadlines and people; always in the week's own time zone.</summary>
public static class OfficeFormat
{
    /// <summary>"北京时间" for Asia/Shanghai (what staff expect to read), else the zone's id.</summary>
    public static string Zone(WeekCalendar calendar, Strings t) =>
        calendar.Week.TimeZone is "Asia/Shanghai" or "China Standard Time" or "Asia/Chongqing" or "PRC" ? t["office_zone_beijing"] : calendar.Week.TimeZone;

    /// <summary>"截止时间：5月14日 12:00（北京时间），还有 1 小时 58 分" / "…，已截止".</summary>
    public static string Deadline(WeekCalendar calendar, WeekItem item, DateTimeOffset now, Strings t)
    {
        var deadline = calendar.DeadlineOf(item);
        var text = t.Format("office_deadline", WeekTime.DateTime(deadline, calendar, t), Zone(calendar, t));
        return text + (now <= deadline ? t.Format("office_deadline_left", Duration(deadline - now, t)) : t["office_deadline_passed"]);
    }

    /// <summary>"2 天 3 小时", "1 小时 58 分", "5 分钟" (rounded up to the minute, so it never says 0 before the deadline).</summary>
    public static string Duration(TimeSpan span, Strings t)
    {
        var minutes = (int)Math.Ceiling(span.TotalMinutes);
        if (minutes >= 24 * 60) return t.Format("office_duration_days", minutes / (24 * 60), minutes % (24 * 60) / 60);
        if (minutes >= 60) return t.Format("office_duration_hours", minutes / 60, minutes % 60);
        return t.Format("office_duration_minutes", Math.Max(minutes, 1));
    }

    /// <summary>"数据截至 5月14日 10:00（北京时间）".</summary>
    public static string AsOf(WeekCalendar calendar, DateTimeOffset now, Strings t) =>
        t.Format("office_as_of", WeekTime.DateTime(now, calendar, t), Zone(calendar, t));

    /// <summary>"迟交 12:31" on the deadline's day, "补交 5月15日 09:10" on a later one.</summary>
    public static string LateAt(WeekCalendar calendar, WeekItem item, ItemStatus status, DateTimeOffset at, Strings t) =>
        t.Format("office_late_at", FormItems.StatusLabel(status, t), WeekTime.When(at, calendar, t, calendar.LocalDate(calendar.DeadlineOf(item))));

    /// <summary>The "M/d" column header of a day.</summary>
    public static string DayColumn(DateOnly day, Strings t) => t.Format("office_fmt_day_column", day);
}
