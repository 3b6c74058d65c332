using System.Security.Cryptography;
using System.Text;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Features.Plan;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.DailyReport;

/// <summary>
/// What a daily report can tick: the department's planned activities (that day's first), then activities
/// added in earlier days' reports (a multi-day activity typed in yesterday is one tick today), then
/// whatever the report being edited already holds.
/// </summary>
public sealed class ReportChoices(ISubmissionStore store)
{
    public sealed record Choice(string Id, string Name, string Title, bool Planned);

    public IReadOnlyList<Choice> For(FormSession s, DateOnly day) => Offered(s, day).ToList();

    /// <summary>
    /// The choice each of <paramref name="ids"/> ticks (the first offered with that id), for checking a submit. The
    /// stored versions are read in <see cref="For"/>'s order only until every id is found: a report that ticks nothing
    /// reads nothing, one that ticks planned activities reads the plan only; an id not offered still reads them all.
    /// </summary>
    public IReadOnlyDictionary<string, Choice> Find(FormSession s, DateOnly day, IReadOnlyCollection<string> ids)
    {
        var found = new Dictionary<string, Choice>(StringComparer.Ordinal);
        if (ids.Count == 0) return found;
        foreach (var c in Offered(s, day))
        {
            if (ids.Contains(c.Id)) found.TryAdd(c.Id, c);
            if (found.Count == ids.Count) break;
        }
        return found;
    }

    // Lazy: each stored version is read when the sequence reaches it.
    private IEnumerable<Choice> Offered(FormSession s, DateOnly day)
    {
        var t = s.T;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (store.Current(s.WeekId, s.Department.Id, "plan") is { } plan)
        {
            var activities = FormJson.Deserialize<PlanData>(plan.Data).Activities;
            foreach (var a in activities.OrderBy(a => a.Date != day).ThenBy(a => a.Date))
            {
                seen.Add(a.Id);
                yield return new Choice(a.Id, a.Name, t.Format("report_choice_planned", a.Name, WeekTime.ShortDay(a.Date, t)), true);
            }
        }
        foreach (var earlier in s.Calendar.Days.Where(d => d <= day))
        {
            if (store.Current(s.WeekId, s.Department.Id, new WeekItem(ItemKind.DailyReport, earlier).Key) is not { } report) continue;
            foreach (var held in FormJson.Deserialize<DailyReportData>(report.Data).Held.Where(h => !h.Planned || earlier == day))
            {
                if (!seen.Add(held.Id)) continue;
                var title = earlier == day ? held.Name : t.Format("report_choice_added", held.Name, WeekTime.ShortDay(earlier, t));
                yield return new Choice(held.Id, held.Name, title, false);
            }
        }
    }

    /// <summary>A stable id for an activity typed in by name, so the same name ticks the same choice later.</summary>
    public static string NewActivityId(string name) =>
        "n-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim().ToLowerInvariant())))[..10];
}
