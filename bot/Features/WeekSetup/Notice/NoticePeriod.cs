using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Features.WeekSetup.Notice;

/// <summary>
/// The week's first and last day. The range preferred is the one in a "时间" sentence, then one in a sentence about
/// the 活动周, then the first range at all. A range without a year takes the notice's year (<see cref="YearHint"/>).
/// </summary>
internal static class NoticePeriod
{
    private const int LongestWeek = 31;

    public static (DateOnly Start, DateOnly End)? Find(NoticeDocument doc, YearHint hint)
    {
        var ranges = doc.Sentences.SelectMany(s => NoticeDatePatterns.Range().Matches(s).Select(m => (Sentence: s, Match: m))).ToList();
        var ordered = ranges.Where(r => r.Sentence[..r.Match.Index].Contains("时间", StringComparison.Ordinal))
            .Concat(ranges.Where(r => r.Sentence.Contains("活动周", StringComparison.Ordinal)))
            .Concat(ranges);
        foreach (var (_, match) in ordered)
        {
            if (Resolve(match, hint) is { } period) return period;
        }
        return null;
    }

    private static (DateOnly, DateOnly)? Resolve(Match m, YearHint hint)
    {
        var first = NoticeDate.From(m.Groups["y"], m.Groups["m"], m.Groups["d"]);
        if (first?.OnOrAfter(hint.Year, hint.After) is not { } start) return null;
        var month = NoticeDate.Number(m.Groups["m2"]) ?? start.Month;
        var year = NoticeDate.Number(m.Groups["y2"]) ?? start.Year;
        var end = NoticeDate.Create(year, month, NoticeDate.Number(m.Groups["d2"])!.Value);
        // "12月28日至1月3日": the end without a year is in the next year.
        if (end is { } e && e < start && !m.Groups["y2"].Success) end = NoticeDate.Create(year + 1, month, e.Day);
        return end is { } last && last >= start && last.DayNumber - start.DayNumber < LongestWeek ? (start, last) : null;
    }
}

/// <summary>
/// The year for dates written without one: from the notice's title or a "YYYY年…职业教育活动周" it names (that year);
/// else from the date it is signed (the next such date after signing); else today (the next such date from today).
/// </summary>
internal sealed record YearHint(int Year, DateOnly? After, bool FromText)
{
    public static YearHint Find(NoticeDocument doc, int? titleYear, DateOnly today)
    {
        if (titleYear is { } year) return new YearHint(year, null, true);
        var named = doc.Sentences.Select(s => NoticeDatePatterns.WeekName().Match(s)).FirstOrDefault(m => m.Success);
        if (named is not null) return new YearHint(NoticeDate.Number(named.Groups["y"])!.Value, null, true);
        if (SignedOn(doc) is { } signed) return new YearHint(signed.Year, signed, true);
        return new YearHint(today.Year, today, false);
    }

    /// <summary>The last line that is only a date (the signature's date).</summary>
    public static DateOnly? SignedOn(NoticeDocument doc)
    {
        var match = doc.Lines.Select(l => NoticeDatePatterns.SignatureDate().Match(l)).LastOrDefault(m => m.Success);
        return match is null ? null : NoticeDate.From(match.Groups["y"], match.Groups["m"], match.Groups["d"])?.OnOrAfter(0, null);
    }
}
