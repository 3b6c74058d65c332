using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>The preview as plain lines: what was found, each problem by row, then each change.</summary>
internal static class RosterPreviewLines
{
    public static IReadOnlyList<string> Build(RosterPreview preview, Strings t)
    {
        var lines = new List<string> { t.Format("roster_preview_found", preview.DepartmentCount, preview.PeopleCount, preview.Sheet.HeaderRow) };
        if (preview.Problems.Count > 0)
        {
            lines.Add(t.Format("roster_preview_problems", preview.Problems.Count));
            lines.AddRange(preview.Problems.Select(p => Problem(p, t)));
        }
        if (!preview.HasChanges)
        {
            lines.Add(t["roster_preview_unchanged"]);
            return lines;
        }
        lines.Add(t["roster_preview_changes"]);
        foreach (var change in preview.Changes.Where(c => c.HasChanges)) lines.AddRange(Change(change, t));
        return lines;
    }

    private static string Problem(RosterProblem p, Strings t) => p.Kind switch
    {
        RosterProblemKind.MissingEmail => t.Format("roster_problem_missing_email", p.Row, p.Name),
        RosterProblemKind.MalformedEmail => t.Format("roster_problem_malformed_email", p.Row, p.Name, p.Detail),
        RosterProblemKind.DuplicatePerson => t.Format("roster_problem_duplicate", p.Row, p.Name, p.Detail),
        RosterProblemKind.DepartmentWithoutLiaison => t.Format("roster_problem_no_liaison", p.Row, p.Name),
        RosterProblemKind.MissingName => t.Format("roster_problem_missing_name", p.Row, p.Detail),
        RosterProblemKind.MissingDepartment => t.Format("roster_problem_missing_department", p.Row, p.Name),
        _ => t.Format("roster_problem_other", p.Row, p.Name),
    };

    private static IEnumerable<string> Change(DepartmentChange c, Strings t)
    {
        switch (c.Kind)
        {
            case DepartmentChangeKind.Added:
                yield return t.Format("roster_change_department_added", c.Name, Names(c.People.Select(p => p.After!), t));
                yield break;
            case DepartmentChangeKind.Removed:
                yield return t.Format("roster_change_department_removed", c.Name);
                yield break;
            case DepartmentChangeKind.Renamed:
                yield return t.Format("roster_change_department_renamed", c.OldName, c.Name);
                break;
        }
        var added = c.People.Where(p => p.Kind == PersonChangeKind.Added).Select(p => Display(p.Name, p.After!.Backup, t)).ToList();
        var removed = c.People.Where(p => p.Kind == PersonChangeKind.Removed).Select(p => Display(p.Name, p.Before!.Backup, t)).ToList();
        var list = t["roster_list_separator"];
        if (added.Count > 0 && removed.Count > 0) yield return t.Format("roster_change_people_replaced", c.Name, string.Join(list, removed), string.Join(list, added));
        else if (added.Count > 0) yield return t.Format("roster_change_people_added", c.Name, string.Join(list, added));
        else if (removed.Count > 0) yield return t.Format("roster_change_people_removed", c.Name, string.Join(list, removed));
        foreach (var p in c.People.Where(p => p.Kind == PersonChangeKind.Changed))
            yield return t.Format("roster_change_person_changed", c.Name, p.Name, Details(p, t));
    }

    private static string Details(PersonChange p, Strings t)
    {
        var parts = new List<string>();
        if (p.NameChanged) parts.Add(t.Format("roster_detail_name", p.Before!.Name, p.After!.Name));
        if (p.PhoneChanged) parts.Add(t.Format("roster_detail_phone", p.Before!.Phone ?? t["roster_none"], p.After!.Phone));
        if (p.BackupChanged) parts.Add(p.After!.Backup ? t["roster_detail_now_backup"] : t["roster_detail_now_primary"]);
        return string.Join(t["roster_detail_separator"], parts);
    }

    private static string Names(IEnumerable<ImportedPerson> people, Strings t)
    {
        var names = people.Select(p => Display(p.Name, p.Backup, t)).ToList();
        return names.Count == 0 ? t["roster_none"] : string.Join(t["roster_list_separator"], names);
    }

    private static string Display(string name, bool backup, Strings t) => backup ? t.Format("roster_person_backup", name) : name;
}
