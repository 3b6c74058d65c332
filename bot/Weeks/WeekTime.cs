using System.Globalization;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Weeks;

/// <summary>
/// Dates and times as people read them, always in the week's own time zone (Beijing time for the weeks we know): every
/// card, reply, page and export writes them through here, so "5月14日 11:42" reads the same everywhere.
/// </summary>
public static class WeekTime
{
    /// <summary>A stored time as an instant (stored values are UTC; a time of unspecified kind is taken as UTC, a local one converted).</summary>
    public static DateTimeOffset Instant(System.DateTime stored) => stored.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(stored.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(System.DateTime.SpecifyKind(stored, DateTimeKind.Utc), TimeSpan.Zero),
    };

    /// <summary>"5月14日（周二）" / "Tue, May 14".</summary>
    public static string Day(DateOnly day, Strings t) => t.Format("fmt_day", day);

    /// <summary>"5月14日" / "May 14".</summary>
    public static string ShortDay(DateOnly day, Strings t) => t.Format("fmt_day_short", day);

    /// <summary>"11:42".</summary>
    public static string Clock(DateTimeOffset instant, WeekCalendar calendar) =>
        calendar.ToLocal(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"5月14日 11:42" / "May 14, 11:42".</summary>
    public static string DateTime(DateTimeOffset instant, WeekCalendar calendar, Strings t) =>
        t.Format("fmt_datetime", calendar.ToLocal(instant).DateTime);

    /// <summary>Just the clock when it is on <paramref name="day"/>, else date and clock.</summary>
    public static string When(DateTimeOffset instant, WeekCalendar calendar, Strings t, DateOnly day) =>
        calendar.LocalDate(instant) == day ? Clock(instant, calendar) : DateTime(instant, calendar, t);

    /// <summary>"5月12日至5月18日" / "May 12 to May 18".</summary>
    public static string Range(WeekCalendar calendar, Strings t) =>
        t.Format("fmt_range", ShortDay(calendar.Week.Start, t), ShortDay(calendar.Week.End, t));
}
