using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;

namespace VocEdWeek.Bot.Features.Settings;

/// <summary>What a proposal would change, in the settings log's words (kind, subject, before, after), or why it cannot be made.</summary>
public sealed record ChangePreview(string Kind, string Subject, string Before, string After);

public static class SettingsPreview
{
    /// <summary>
    /// Tries the change on the week as it is now, with the same checks the editor makes, so a refusal is shown before the
    /// confirm card rather than after it. The editor checks again on confirm (the week may have changed meanwhile).
    /// </summary>
    public static (ChangePreview? Preview, string? RefusalKey, object?[] Args) Of(SettingsProposal proposal, ActiveWeek week)
    {
        var definition = week.Definition;
        try
        {
            if (proposal.Kind == SettingsProposal.WeekExempt)
            {
                var dept = week.Department(proposal.DepartmentId ?? "") ?? throw new WeekChangeRefused("settings_no_department", proposal.DepartmentId);
                return (new ChangePreview(proposal.Kind, dept.Name, "", WeekExemption.Describe(week, proposal.Reason)), null, []);
            }
            var change = proposal.ToChange()!;
            var (subject, before, after) = change.Describe(definition);
            var changed = change.Apply(definition);
            if (WeekRules.FindProblem(changed) is { } problem) return (null, "settings_invalid", [problem.Message]);
            return (new ChangePreview(change.Kind, subject, before, after), null, []);
        }
        catch (WeekChangeRefused refused)
        {
            return (null, refused.Key, refused.Args);
        }
        catch (FormatException)
        {
            return (null, "settings_usage", []);
        }
    }
}
