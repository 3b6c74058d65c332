using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;

namespace VocEdWeek.Bot.Features.Settings;

/// <summary>
/// "全周免报": excuses a department from every item of the week (plan, each day's report, statistics, summary) through the
/// same exemption store as "免报" — so progress, reminders, the digest and exports treat it like any other exemption —
/// and records it in the settings log ("week.exempt"). Lifting one item again is "取消免报".
/// </summary>
public sealed class WeekExemption(ISubmissionStore store, WeekEditor editor, TimeProvider time)
{
    public SettingsLogEntry? Apply(ActiveWeek week, string departmentId, string? reason, Actor actor)
    {
        if (week.Department(departmentId) is not { } dept) return null;
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var item in week.Calendar.Items)
        {
            store.Exempt(new Exemption
            {
                WeekId = week.Definition.Id,
                DepartmentId = dept.Id,
                ItemKey = item.Key,
                SetBy = actor.Key ?? actor.Name,
                SetAt = now,
                Reason = reason,
            });
        }
        return editor.Record(week.Definition.Id, SettingsProposal.WeekExempt, dept.Name, "", Describe(week, reason), actor);
    }

    /// <summary>"2024-05-12 – 2024-05-18: 外出参赛": the days and the reason, words both languages show as they are.</summary>
    public static string Describe(ActiveWeek week, string? reason)
    {
        var days = $"{week.Definition.Start:yyyy-MM-dd} – {week.Definition.End:yyyy-MM-dd}";
        return string.IsNullOrWhiteSpace(reason) ? days : $"{days}: {reason}";
    }
}
