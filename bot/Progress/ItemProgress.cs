using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Progress;

/// <summary>Every department's standing on one item, with the counts an office reads first.</summary>
public sealed record ItemProgress(WeekItem Item, DateTimeOffset Deadline, IReadOnlyList<DepartmentProgress> Departments)
{
    public IReadOnlyList<DepartmentProgress> Missing => Departments.Where(d => d.Status == ItemStatus.Missing).ToList();
    public IReadOnlyList<DepartmentProgress> Late => Departments.Where(d => d.Status is ItemStatus.Late or ItemStatus.MadeUp).ToList();
    public int OnTime => Departments.Count(d => d.Status == ItemStatus.OnTime);
    public int Exempt => Departments.Count(d => d.Status == ItemStatus.Exempt);
}
