namespace VocEdWeek.Bot.Weeks.Settings.Changes;

/// <summary>A new department, with a fresh id (submissions are keyed by it, so an id is never reused).</summary>
public sealed record AddDepartment(string Name) : WeekChange
{
    public override string Kind => "department.add";

    public override WeekDefinition Apply(WeekDefinition week)
    {
        var name = Name.Trim();
        if (name.Length == 0) throw new WeekChangeRefused("settings_name_required");
        if (week.Departments.Any(d => d.Name == name)) throw new WeekChangeRefused("settings_department_exists", name);
        return week with { Departments = [.. week.Departments, new Department { Id = new DepartmentIds(week.Departments.Select(d => d.Id)).Next(), Name = name }] };
    }

    public override (string, string, string) Describe(WeekDefinition before) => (Name.Trim(), "", Name.Trim());
}

public sealed record RenameDepartment(string DepartmentId, string NewName) : WeekChange
{
    public override string Kind => "department.rename";

    public override WeekDefinition Apply(WeekDefinition week)
    {
        var dept = Find(week, DepartmentId);
        var name = NewName.Trim();
        if (name.Length == 0) throw new WeekChangeRefused("settings_name_required");
        if (week.Departments.Any(d => d.Name == name && d.Id != DepartmentId)) throw new WeekChangeRefused("settings_department_exists", name);
        return Replace(week, dept, dept with { Name = name });
    }

    public override (string, string, string) Describe(WeekDefinition before) => (DepartmentId, Find(before, DepartmentId).Name, NewName.Trim());
}

/// <summary>Removes a department from the week; what it already submitted stays stored (and comes back if it is added again by id).</summary>
public sealed record RemoveDepartment(string DepartmentId) : WeekChange
{
    public override string Kind => "department.remove";

    public override WeekDefinition Apply(WeekDefinition week) => Replace(week, Find(week, DepartmentId), null);

    public override (string, string, string) Describe(WeekDefinition before)
    {
        var dept = Find(before, DepartmentId);
        return (dept.Name, Show(dept.Liaisons), "");
    }
}
