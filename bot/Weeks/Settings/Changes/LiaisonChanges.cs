namespace VocEdWeek.Bot.Weeks.Settings.Changes;

/// <summary>Another person answers for the department in place of <paramref name="OldKey"/> (e-mail or Entra id).</summary>
public sealed record ReplaceLiaison(string DepartmentId, string OldKey, Person Person) : WeekChange
{
    public override string Kind => "liaison.replace";

    public override WeekDefinition Apply(WeekDefinition week)
    {
        var dept = Find(week, DepartmentId);
        var old = dept.Liaisons.FirstOrDefault(p => Is(p, OldKey)) ?? throw new WeekChangeRefused("settings_no_person", OldKey, dept.Name);
        EnsureNotElsewhere(week, DepartmentId, Person);
        var updated = dept with { Liaisons = dept.Liaisons.Select(p => p == old ? Person with { Backup = old.Backup } : p).ToList() };
        return Replace(week, dept, updated);
    }

    public override (string, string, string) Describe(WeekDefinition before)
    {
        var dept = Find(before, DepartmentId);
        return (dept.Name, Show(dept.Liaisons.Where(p => Is(p, OldKey))), Show(Person));
    }
}

/// <summary>A further liaison, or a backup (<see cref="Person.Backup"/>), for the department.</summary>
public sealed record AddLiaison(string DepartmentId, Person Person) : WeekChange
{
    public override string Kind => Person.Backup ? "liaison.addBackup" : "liaison.add";

    public override WeekDefinition Apply(WeekDefinition week)
    {
        var dept = Find(week, DepartmentId);
        if (dept.Liaisons.Any(p => Is(p, KeyOf(Person)))) throw new WeekChangeRefused("settings_person_listed", Person.Name, dept.Name);
        EnsureNotElsewhere(week, DepartmentId, Person);
        return Replace(week, dept, dept with { Liaisons = [.. dept.Liaisons, Person] });
    }

    public override (string, string, string) Describe(WeekDefinition before) => (Find(before, DepartmentId).Name, "", Show(Person));
}

public sealed record RemoveLiaison(string DepartmentId, string Key) : WeekChange
{
    public override string Kind => "liaison.remove";

    public override WeekDefinition Apply(WeekDefinition week)
    {
        var dept = Find(week, DepartmentId);
        if (!dept.Liaisons.Any(p => Is(p, Key))) throw new WeekChangeRefused("settings_no_person", Key, dept.Name);
        return Replace(week, dept, dept with { Liaisons = dept.Liaisons.Where(p => !Is(p, Key)).ToList() });
    }

    public override (string, string, string) Describe(WeekDefinition before)
    {
        var dept = Find(before, DepartmentId);
        return (dept.Name, Show(dept.Liaisons.Where(p => Is(p, Key))), "");
    }
}

/// <summary>The whole liaison list at once, from an imported sheet ("导入名单") after its preview was confirmed.</summary>
public sealed record ReplaceRoster(IReadOnlyList<Department> Departments, string Source) : WeekChange
{
    public override string Kind => "roster.import";

    public override WeekDefinition Apply(WeekDefinition week) => week with { Departments = Departments };

    public override (string, string, string) Describe(WeekDefinition before) =>
        (Source, Count(before.Departments), Count(Departments));

    private static string Count(IReadOnlyList<Department> departments) =>
        $"{departments.Count} / {departments.Sum(d => d.Liaisons.Count)}";
}
