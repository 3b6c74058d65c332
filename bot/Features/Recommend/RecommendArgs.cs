using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Recommend;

/// <summary>
/// What follows the command word: "择优推荐 5月14日 机电" filters by day and department, "自荐 5月14日" by day. The filter,
/// or the sentence saying what could not be read.
/// </summary>
public static class RecommendArgs
{
    public static (RecommendFilter? Filter, string? Problem) Parse(string rest, ActiveWeek week, DateOnly today, bool withDepartment, Strings t)
    {
        rest = rest.Trim();
        DateOnly? day = null;
        if (DatePhrase.Find(rest, today, week.Calendar.Days) is { } date)
        {
            if (date.Date is not { } d) return (null, t.Format("recommend_bad_date", date.Phrase));
            if (!week.Calendar.IsWeekDay(d)) return (null, t.Format("recommend_day_outside", WeekTime.Day(d, t), WeekTime.Range(week.Calendar, t)));
            day = d;
            rest = date.Rest.Trim();
        }
        if (rest.Length == 0 || !withDepartment) return (new RecommendFilter(day, null, 0), null);

        var match = DepartmentMatch.Find(rest, week.Definition.Departments);
        return match.Candidates.Count switch
        {
            1 => (new RecommendFilter(day, match.Candidates[0].Id, 0), null),
            0 => (null, t.Format("recommend_no_department", match.Named,
                string.Join(t["list_separator"], week.Definition.Departments.Take(3).Select(d => d.Name)))),
            _ => (null, t.Format("recommend_ambiguous", match.Named, string.Join(t["list_separator"], match.Candidates.Select(d => d.Name)))),
        };
    }
}
