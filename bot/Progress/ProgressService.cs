using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Progress;

/// <summary>
/// Roster × submissions × exemptions → status per department and item, computed live (never from a
/// summary that can lag). One snapshot of the week's submission times serves every item of an answer.
/// </summary>
public sealed class ProgressService(ISubmissionStore submissions, TimeProvider time)
{
    public WeekProgress ForWeek(ActiveWeek week)
    {
        var summaries = submissions.Times(week.Definition.Id);
        var exemptions = submissions.Exemptions(week.Definition.Id);
        return new WeekProgress(week, summaries, exemptions, time.GetUtcNow());
    }
}

/// <summary>A snapshot of a week's progress at one instant.</summary>
public sealed class WeekProgress(
    ActiveWeek week,
    IReadOnlyDictionary<(string Department, string Item), SubmissionTimes> summaries,
    IReadOnlyDictionary<(string Department, string Item), Exemption> exemptions,
    DateTimeOffset now)
{
    public ActiveWeek Week { get; } = week;
    public DateTimeOffset Now { get; } = now;

    // An answer asks for the same item more than once (the card, then its notification line); a snapshot is one
    // instant, so each item's standings are computed once per snapshot (thousands of departments on a big week).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ItemProgress> _items = new();

    public ItemProgress Item(WeekItem item) => _items.GetOrAdd(item.Key, (key, i) =>
    {
        var rows = Week.Definition.Departments.Select(d => Department(d, i, key)).ToList();
        return new ItemProgress(i, Week.Calendar.DeadlineOf(i), rows);
    }, item);

    public DepartmentProgress Department(Department department, WeekItem item) => Department(department, item, item.Key);

    private DepartmentProgress Department(Department department, WeekItem item, string key)
    {
        summaries.TryGetValue((department.Id, key), out var summary);
        var exempt = exemptions.Count > 0 && exemptions.ContainsKey((department.Id, key));
        DateTimeOffset? first = summary?.First;
        DateTimeOffset? last = summary?.Current;
        var status = StatusCalculator.Of(Week.Calendar, item, first, exempt);
        return new DepartmentProgress(department, item, status, first, last, StatusCalculator.IsOverdue(Week.Calendar, item, status, Now));
    }

    public IReadOnlyList<ItemProgress> AllItems() => Week.Calendar.Items.Select(Item).ToList();
}
