using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Progress;

/// <summary>One department's standing on one item.</summary>
public sealed record DepartmentProgress(Department Department, WeekItem Item, ItemStatus Status, DateTimeOffset? FirstSubmittedAt, DateTimeOffset? LastSubmittedAt, bool Overdue);
