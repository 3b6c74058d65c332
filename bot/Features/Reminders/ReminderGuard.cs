using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Reminders;

/// <summary>A reminder still queued (or waiting for a retry) is dropped once its department has submitted every item it names.</summary>
public sealed class ReminderGuard(WeekCatalog weeks, ISubmissionStore submissions) : IOutboxGuard
{
    public string Topic => ReminderSender.Topic;

    public bool StillWanted(OutboxJob job)
    {
        if (job.WeekId is not { } weekId || job.DepartmentId is not { } departmentId || weeks.Find(weekId) is null) return true;
        var exempt = submissions.Exemptions(weekId);
        return job.ItemKeys.Any(item => !exempt.ContainsKey((departmentId, item)) && submissions.Current(weekId, departmentId, item) is null);
    }
}
