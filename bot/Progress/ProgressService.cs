using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Progress;

/// <summary>
/// Roster × submissions × exemptions → status per department and item, computed live (never from a
/// summary that can lag). One read of the week's submissions serves every item of an answer.
/// </summary>
public sealed class ProgressService(SubmissionStore submissions, TimeProvider time)
{
    public WeekProgress ForWeek(ActiveWeek week)
    {
        var summaries = submissions.Summaries(week.Definition.Id);
        var exemptions = submissions.Exemptions(week.Definition.Id);
        return new WeekProgress(week, summaries, exemptions, time.GetUtcNow());
    }
}

/// <summary>A snapshot of a week's progress at one instant.</summary>
public sealed class WeekProgress(
    ActiveWeek week,
    IReadOnlyDictionary<(string Department, string Item), SubmissionSummary> summaries,
    IReadOnlyDictionary<(string Department, string Item), Exemption> exemptions,
    DateTimeOffset now)
{
    public ActiveWeek Week { get; } = week;
    public DateTimeOffset Now { get; } = now;

    public ItemProgress Item(WeekItem item)
    {
        var calendar = Week.Calendar;
        var rows = Week.Definition.Departments.Select(d => Department(d, item)).ToList();
        return new ItemProgress(item, calendar.DeadlineOf(item), rows);
    }

    public DepartmentProgress Department(Department department, WeekItem item)
    {
        summaries.TryGetValue((department.Id, item.Key), out var summary);
        var exempt = exemptions.ContainsKey((department.Id, item.Key));
        DateTimeOffset? first = summary is null ? null : new DateTimeOffset(summary.FirstSubmittedAt.ToUniversalTime(), TimeSpan.Zero);
        DateTimeOffset? last = summary is null ? null : new DateTimeOffset(summary.Current.SubmittedAt.ToUniversalTime(), TimeSpan.Zero);
        var status = StatusCalculator.Of(Week.Calendar, item, first, exempt);
        return new DepartmentProgress(department, item, status, first, last, StatusCalculator.IsOverdue(Week.Calendar, item, status, Now));
    }

    public IReadOnlyList<ItemProgress> AllItems() => Week.Calendar.Items.Select(Item).ToList();
}
