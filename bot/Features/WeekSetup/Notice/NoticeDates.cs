using System.Globalization;
using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Features.WeekSetup.Notice;

/// <summary>A date as a notice writes it: the year is often left out ("5月12日") and the day may stand alone ("18日").</summary>
internal readonly record struct NoticeDate(int? Year, int? Month, int Day)
{
    public static NoticeDate? From(Group year, Group month, Group day) =>
        day.Success ? new NoticeDate(Number(year), Number(month), Number(day)!.Value) : null;

    public static int? Number(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : null;

    /// <summary>The real date nearest to <paramref name="anchor"/> (the week's first day) with what is written.</summary>
    public DateOnly? Near(DateOnly anchor)
    {
        var candidates = new List<DateOnly>();
        foreach (var shift in new[] { -1, 0, 1 })
        {
            var (year, month) = Month is { } m ? (Year ?? anchor.Year + shift, m) : Shift(anchor, shift);
            if (Create(year, month, Day) is { } date) candidates.Add(date);
            if (Year is not null && Month is not null) break;
        }
        return candidates.Count == 0 ? null : candidates.MinBy(d => Math.Abs(d.DayNumber - anchor.DayNumber));
    }

    /// <summary>With a known year: that date. Without: the first such date on or after <paramref name="after"/>.</summary>
    public DateOnly? OnOrAfter(int year, DateOnly? after)
    {
        if (Month is not { } month) return null;
        if (Year is { } y) return Create(y, month, Day);
        if (after is not { } from) return Create(year, month, Day);
        var date = Create(from.Year, month, Day);
        return date is { } d && d < from ? Create(from.Year + 1, month, Day) : date;
    }

    public static DateOnly? Create(int year, int month, int day) =>
        year is >= 1900 and <= 2999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static (int Year, int Month) Shift(DateOnly anchor, int months)
    {
        var first = new DateOnly(anchor.Year, anchor.Month, 1).AddMonths(months);
        return (first.Year, first.Month);
    }
}

/// <summary>The date patterns the parser shares.</summary>
internal static partial class NoticeDatePatterns
{
    /// <summary>"2024年5月12日至18日", "5月12日—5月18日", "11月8日至14日", "5月12日~18日", "5月12日到18日".</summary>
    [GeneratedRegex(@"(?:(?<y>[0-9]{4})年)?(?<m>[0-9]{1,2})月(?<d>[0-9]{1,2})日\s*(?:至|到|—+|-+|~|–|〜)\s*(?:(?:(?<y2>[0-9]{4})年)?(?<m2>[0-9]{1,2})月)?(?<d2>[0-9]{1,2})日")]
    public static partial Regex Range();

    /// <summary>A line that is only a date: the date a notice is signed.</summary>
    [GeneratedRegex(@"^(?<y>[0-9]{4})年(?<m>[0-9]{1,2})月(?<d>[0-9]{1,2})日$")]
    public static partial Regex SignatureDate();

    /// <summary>"2024年职业教育活动周", "2020年山东省职业教育活动周", "2024年我校职业教育活动周".</summary>
    [GeneratedRegex(@"(?<y>[0-9]{4})年(?<place>[\p{IsCJKUnifiedIdeographs}]{0,8}?)职业教育活动周")]
    public static partial Regex WeekName();
}
