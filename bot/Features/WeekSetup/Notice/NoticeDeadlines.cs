using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Features.WeekSetup.Notice;

/// <summary>What the notice asks for by when.</summary>
internal sealed record NoticeDeadlineSet(DateTime? Plan, DateTime? Statistics, DateTime? Summary, TimeOnly? Daily);

/// <summary>
/// Finds "by when" phrases (<see cref="DeadlinePhrase"/>) and names each by the words around it: 统计表 → statistics,
/// 总结 → summary (one phrase can be both), else 方案 / 信息采集表 / 计划 → plan; a time with no date next to
/// 每天 / 每日 / 期间 is the daily report's time. "Around" is the stretch of the sentence between the neighbouring
/// phrases, so "5月10日前报送方案，5月20日前报送总结" gives two deadlines.
/// </summary>
internal static partial class NoticeDeadlines
{
    public static NoticeDeadlineSet Find(NoticeDocument doc, DateOnly? weekStart, YearHint hint, TimeOnly workdayEnd)
    {
        DateTime? plan = null, statistics = null, summary = null;
        TimeOnly? daily = null;
        foreach (var sentence in doc.Sentences)
        {
            var phrases = DeadlinePhrase.FindAll(sentence, workdayEnd);
            for (var i = 0; i < phrases.Count; i++)
            {
                var from = i == 0 ? 0 : phrases[i - 1].End;
                var to = i == phrases.Count - 1 ? sentence.Length : phrases[i + 1].Start;
                var scope = sentence[from..to];
                var phrase = phrases[i];
                if (phrase.Date is not { } written)
                {
                    if (Daily().IsMatch(scope)) daily ??= phrase.Time;
                    continue;
                }
                var date = weekStart is { } anchor ? written.Near(anchor) : written.OnOrAfter(hint.Year, hint.After);
                if (date is not { } day) continue;
                var when = day.ToDateTime(phrase.Time);
                var isStatistics = Statistics().IsMatch(scope);
                var isSummary = Summary().IsMatch(scope);
                if (isStatistics) statistics ??= when;
                if (isSummary) summary ??= when;
                if (!isStatistics && !isSummary && Plan().IsMatch(scope)) plan ??= when;
            }
        }
        return new NoticeDeadlineSet(plan, statistics, summary, daily);
    }

    [GeneratedRegex("每天|每日|期间")]
    private static partial Regex Daily();

    [GeneratedRegex("统计表|统计")]
    private static partial Regex Statistics();

    [GeneratedRegex("总结")]
    private static partial Regex Summary();

    [GeneratedRegex("方案|信息采集表|采集表|计划")]
    private static partial Regex Plan();
}
