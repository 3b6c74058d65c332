using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Features.WeekSetup.Notice;

/// <summary>
/// One "by when" in a sentence: "5月12日中午12点前", "12:00前", "上午10点前", "12时前", "5月19日下班前",
/// "11月20日之前", "截止时间为5月12日12:00". A date without a time, and "下班前", mean the end of that day's working
/// hours (<c>workdayEnd</c>), not the day before: offices read "20日前" as "by the evening of the 20th".
/// </summary>
internal sealed partial record DeadlinePhrase(int Start, int End, NoticeDate? Date, TimeOnly Time)
{
    public static IReadOnlyList<DeadlinePhrase> FindAll(string sentence, TimeOnly workdayEnd)
    {
        var found = Closing().Matches(sentence).Concat(Before().Matches(sentence))
            .Select(m => From(m, workdayEnd))
            .OfType<DeadlinePhrase>()
            .OrderBy(p => p.Start);
        var phrases = new List<DeadlinePhrase>();
        // "截止时间为5月12日12:00前" matches both forms: the first found covers it.
        foreach (var p in found.Where(p => phrases.Count == 0 || p.Start >= phrases[^1].End)) phrases.Add(p);
        return phrases;
    }

    private static DeadlinePhrase? From(Match m, TimeOnly workdayEnd)
    {
        var date = NoticeDate.From(m.Groups["y"], m.Groups["m"], m.Groups["d"]);
        var hour = NoticeDate.Number(m.Groups["h"]);
        if (date is null && hour is null && !m.Groups["off"].Success) return null;
        var time = workdayEnd;
        if (hour is { } h)
        {
            var minute = NoticeDate.Number(m.Groups["mi"]) ?? NoticeDate.Number(m.Groups["mi2"]) ?? (m.Groups["half"].Success ? 30 : 0);
            // "下午5点" is 17:00; "中午1点" is 13:00; "24时" is the day's last minute.
            if (m.Groups["ap"].Value is "下午" or "晚上" or "晚" && h < 12 || m.Groups["ap"].Value == "中午" && h < 3) h += 12;
            if (h == 24 && minute == 0) (h, minute) = (23, 59);
            if (h > 23 || minute > 59) return null;
            time = new TimeOnly(h, minute);
        }
        return new DeadlinePhrase(m.Index, m.Index + m.Length, date, time);
    }

    private const string DatePart = @"(?:(?:(?<y>[0-9]{4})年)?(?:(?<m>[0-9]{1,2})月)?(?<d>[0-9]{1,2})日)";
    private const string TimePart = @"(?:(?<ap>上午|中午|下午|晚上|晚)?(?:(?<h>[0-9]{1,2})\s*(?::\s*(?<mi>[0-9]{2})|[点时](?:(?<mi2>[0-9]{1,2})分|(?<half>半))?)|(?<off>下班)))";

    [GeneratedRegex(DatePart + "?" + TimePart + "?(?:之前|以前|前)")]
    private static partial Regex Before();

    [GeneratedRegex("(?:截止|截至)(?:时间|日期)?(?:为|是|:|到|至)?" + DatePart + TimePart + "?")]
    private static partial Regex Closing();
}
