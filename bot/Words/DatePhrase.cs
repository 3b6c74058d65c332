using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Words;

/// <summary>A date phrase found in typed text: the date (null when it named no real day, e.g. 2月30日), the phrase and the text around it.</summary>
public sealed record DatePhraseMatch(DateOnly? Date, string Phrase, string Rest)
{
    public bool IsValid => Date is not null;
}

/// <summary>
/// Finds a day in loose Chinese or English wording: 今天/today, 昨天/yesterday, 前天, 明天, 周二/星期二/礼拜二/Tuesday,
/// 上周一/next Monday, 5月14日/五月十四日/14号, 5/14, 5-14, 2024-05-14, 2024年5月14日, May 14, 14 May, 第3天/day 3.
/// Relative words count from <c>today</c> (the local date in the week's time zone). A bare weekday, day of month or
/// month/day without a year is resolved inside the active week when it can be.
/// </summary>
public static partial class DatePhrase
{
    private delegate DateOnly? Resolver(Match m, DateOnly today, IReadOnlyList<DateOnly> week);

    private static readonly (Regex Pattern, Resolver Resolve)[] Rules =
    [
        (YearMonthDay(), (m, _, _) => Make(Number(m, "y"), Number(m, "m"), Number(m, "d"))),
        (ChineseMonthDay(), (m, today, week) => MonthDay(Number(m, "m"), Number(m, "d"), today, week)),
        (EnglishMonthDay(), (m, today, week) => MonthDay(EnglishMonth(m.Groups["mon"].Value), Number(m, "d"), today, week)),
        (EnglishDayMonth(), (m, today, week) => MonthDay(EnglishMonth(m.Groups["mon"].Value), Number(m, "d"), today, week)),
        (NumericMonthDay(), (m, today, week) => MonthDay(Number(m, "m"), Number(m, "d"), today, week)),
        (Relative(), (m, today, _) => today.AddDays(RelativeOffset(m.Value))),
        (ChineseWeekday(), (m, today, week) => Weekday(ChineseWeekdayOf(m.Groups["w"].Value), m.Groups["mod"].Value, today, week)),
        (EnglishWeekday(), (m, today, week) => Weekday(EnglishWeekdayOf(m.Groups["w"].Value), m.Groups["mod"].Value, today, week)),
        (DayOfWeekNumber(), (m, _, week) => Number(m, "n") is { } n && n >= 1 && n <= week.Count ? week[n - 1] : null),
        (DayOnly(), (m, today, week) => DayOfMonth(Number(m, "d"), today, week)),
    ];

    /// <summary>The first date phrase in <paramref name="text"/>, resolved against today and the week's days; null when there is none.</summary>
    public static DatePhraseMatch? Find(string text, DateOnly today, IReadOnlyList<DateOnly>? week = null)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        foreach (var (pattern, resolve) in Rules)
        {
            var match = pattern.Match(normalized);
            if (!match.Success) continue;
            var rest = normalized.Remove(match.Index, match.Length);
            return new DatePhraseMatch(resolve(match, today, week ?? []), match.Value.Trim(), TrimConnectors(rest));
        }
        return null;
    }

    /// <summary>Same, with today taken from the clock in the week's own time zone.</summary>
    public static DatePhraseMatch? Find(string text, WeekCalendar calendar, TimeProvider time) =>
        Find(text, calendar.LocalDate(time.GetUtcNow()), calendar.Days);

    /// <summary>The date when the whole text is one date phrase ("昨天", "5月14日"), else null.</summary>
    public static DateOnly? Parse(string text, DateOnly today, IReadOnlyList<DateOnly>? week = null) =>
        Find(text, today, week) is { Rest.Length: 0 } m ? m.Date : null;

    private static DateOnly? Make(int? year, int? month, int? day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year.Value, month.Value)
            ? new DateOnly(year.Value, month.Value, day.Value)
            : null;

    /// <summary>Month/day without a year: the year that puts it inside the week, else the week's (or today's) year.</summary>
    private static DateOnly? MonthDay(int? month, int? day, DateOnly today, IReadOnlyList<DateOnly> week)
    {
        var candidates = week.Select(d => d.Year).Append(today.Year).Distinct()
            .Select(y => Make(y, month, day)).OfType<DateOnly>().ToList();
        if (candidates.Count == 0) return null;
        return candidates.Where(week.Contains).DefaultIfEmpty(candidates[0]).First();
    }

    /// <summary>"14号": the day with that number inside the week, else in today's month.</summary>
    private static DateOnly? DayOfMonth(int? day, DateOnly today, IReadOnlyList<DateOnly> week)
    {
        var inWeek = week.Where(d => d.Day == day).ToList();
        return inWeek.Count > 0 ? inWeek[0] : Make(today.Year, today.Month, day);
    }

    private static DateOnly? Weekday(DayOfWeek? dayOfWeek, string modifier, DateOnly today, IReadOnlyList<DateOnly> week)
    {
        if (dayOfWeek is not { } target) return null;
        // Monday-based calendar week, as 周一…周日 are read in Chinese.
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var inThisWeek = monday.AddDays(((int)target + 6) % 7);
        switch (modifier)
        {
            case "上": return inThisWeek.AddDays(-7);
            case "下": return inThisWeek.AddDays(7);
            case "这" or "本" or "this": return inThisWeek;
            case "last": return today.AddDays(-(((int)today.DayOfWeek - (int)target + 6) % 7 + 1));
            case "next": return today.AddDays(((int)target - (int)today.DayOfWeek + 6) % 7 + 1);
        }
        var candidates = week.Where(d => d.DayOfWeek == target).ToList();
        if (candidates.Count == 0) return inThisWeek;
        // In a week longer than seven days: the latest such day so far, else the first one.
        var past = candidates.Where(d => d <= today).ToList();
        return past.Count > 0 ? past[^1] : candidates[0];
    }

    private static int RelativeOffset(string word) => word switch
    {
        "前天" or "day before yesterday" => -2,
        "昨天" or "昨日" or "yesterday" => -1,
        "明天" or "明日" or "tomorrow" => 1,
        "后天" or "day after tomorrow" => 2,
        _ => 0,
    };

    private static DayOfWeek? ChineseWeekdayOf(string s) => s switch
    {
        "一" or "1" => DayOfWeek.Monday,
        "二" or "2" => DayOfWeek.Tuesday,
        "三" or "3" => DayOfWeek.Wednesday,
        "四" or "4" => DayOfWeek.Thursday,
        "五" or "5" => DayOfWeek.Friday,
        "六" or "6" => DayOfWeek.Saturday,
        "日" or "天" or "7" => DayOfWeek.Sunday,
        _ => null,
    };

    private static DayOfWeek? EnglishWeekdayOf(string s)
    {
        foreach (var d in Enum.GetValues<DayOfWeek>())
        {
            if (d.ToString().StartsWith(s[..3], StringComparison.OrdinalIgnoreCase)) return d;
        }
        return null;
    }

    private static int? EnglishMonth(string s)
    {
        for (var m = 1; m <= 12; m++)
        {
            if (CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m).StartsWith(s[..3], StringComparison.OrdinalIgnoreCase)) return m;
        }
        return null;
    }

    private static int? Number(Match m, string group) =>
        m.Groups[group] is { Success: true } g ? ChineseNumber.Parse(g.Value) : null;

    private static string TrimConnectors(string rest) => Connectors().Replace(rest.Trim(), "").Trim();

    private const string CnDigits = "[〇零一二两三四五六七八九十廿卅]";

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})\s*(?:[-/.]|年)\s*(?<m>\d{1,2})\s*(?:[-/.]|月)\s*(?<d>\d{1,2})(?!\d)(?:\s*[日号])?")]
    private static partial Regex YearMonthDay();

    [GeneratedRegex(@"(?<![\d〇零一二两三四五六七八九十廿卅])(?<m>\d{1,2}|" + CnDigits + @"{1,3})\s*月\s*(?<d>\d{1,2}|" + CnDigits + @"{1,4})(?:\s*[日号])?")]
    private static partial Regex ChineseMonthDay();

    [GeneratedRegex(@"\b(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*(?<d>\d{1,2})(?:st|nd|rd|th)?\b")]
    private static partial Regex EnglishMonthDay();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s*(?:of\s+)?(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")]
    private static partial Regex EnglishDayMonth();

    [GeneratedRegex(@"(?<![\d/.\-])(?<m>\d{1,2})\s*[/.\-]\s*(?<d>\d{1,2})(?![\d/.\-])")]
    private static partial Regex NumericMonthDay();

    [GeneratedRegex(@"day before yesterday|day after tomorrow|yesterday|tomorrow|today|前天|昨天|昨日|今天|今日|明天|明日|后天")]
    private static partial Regex Relative();

    [GeneratedRegex(@"(?<mod>上|这|本|下)?\s*个?\s*(?:周|星期|礼拜)(?<w>[一二三四五六日天1-7])")]
    private static partial Regex ChineseWeekday();

    [GeneratedRegex(@"\b(?:(?<mod>last|this|next)\s+)?(?<w>monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thu|friday|fri|saturday|sat|sunday|sun)\b")]
    private static partial Regex EnglishWeekday();

    [GeneratedRegex(@"第\s*(?<n>\d{1,2}|" + CnDigits + @"{1,3})\s*天|\bday\s+(?<n>\d{1,2})\b")]
    private static partial Regex DayOfWeekNumber();

    [GeneratedRegex(@"(?<![\d〇零一二两三四五六七八九十廿卅])(?<d>\d{1,2}|" + CnDigits + @"{1,3})\s*[日号]")]
    private static partial Regex DayOnly();

    [GeneratedRegex(@"^(?:的|(?:for|on|of|from|dated)\b)\s*|\s*(?:的|\b(?:for|on|of|from|dated))$")]
    private static partial Regex Connectors();
}
