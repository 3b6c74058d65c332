namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>
/// Collects departments and people in row order and enforces what the week file needs: a valid e-mail per person
/// and each e-mail in one department only (one person answering for two would make "my department" ambiguous).
/// </summary>
internal sealed class RosterPeople
{
    private readonly List<DepartmentDraft> _departments = [];
    private readonly Dictionary<string, DepartmentDraft> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DepartmentDraft> _byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<RosterProblem> _problems = [];

    /// <summary>The department named on a row; a name seen before (even far above) continues that department.</summary>
    public DepartmentDraft Department(string name, int row)
    {
        var key = CellText.Key(name);
        if (_byKey.TryGetValue(key, out var known)) return known;
        var draft = new DepartmentDraft(name, row);
        _departments.Add(draft);
        _byKey[key] = draft;
        return draft;
    }

    public void AddRow(DepartmentDraft? department, RawRow row, RosterColumns columns)
    {
        var names = CellSplit.Names(row[columns.Name]);
        var emails = CellSplit.Values(row[columns.Email], names.Count);
        var phones = CellSplit.Values(row[columns.Phone], names.Count);
        var roles = CellSplit.Values(row[columns.Role], names.Count);
        if (names.Count == 0)
        {
            var orphan = string.Join(" ", emails.Concat(phones));
            if (orphan.Length > 0) _problems.Add(new RosterProblem(row.Number, RosterProblemKind.MissingName, department?.Name ?? "", orphan));
            return;
        }
        if (department is null)
        {
            _problems.Add(new RosterProblem(row.Number, RosterProblemKind.MissingDepartment, string.Join("、", names)));
            return;
        }
        for (var i = 0; i < names.Count; i++)
        {
            var role = i < roles.Count ? CellSplit.IsBackup(roles[i]) : null;
            // Two people in one cell with no role given: the second answers when the first cannot.
            var backup = role ?? (i > 0 && names.Count > 1);
            Add(department, names[i], At(emails, i), At(phones, i), backup, row.Number);
        }
    }

    public RosterSheet Build(int headerRow)
    {
        var problems = _problems.ToList();
        foreach (var d in _departments.Where(d => d.People.Count == 0))
            problems.Add(new RosterProblem(d.FirstRow, RosterProblemKind.DepartmentWithoutLiaison, d.Name));
        // OrderBy is stable: on one row, the person's problem comes before their department's.
        return new RosterSheet(_departments.Select(d => d.Build()).ToList(), problems.OrderBy(p => p.Row).ToList(), headerRow);
    }

    private void Add(DepartmentDraft department, string name, string? emailText, string? phone, bool backup, int row)
    {
        if (emailText is null)
        {
            _problems.Add(new RosterProblem(row, RosterProblemKind.MissingEmail, name));
            return;
        }
        var email = EmailText.Strip(emailText);
        if (!EmailText.IsValid(email))
        {
            _problems.Add(new RosterProblem(row, RosterProblemKind.MalformedEmail, name, emailText));
            return;
        }
        if (_byEmail.TryGetValue(email, out var first))
        {
            _problems.Add(new RosterProblem(row, RosterProblemKind.DuplicatePerson, name, first.Name));
            if (first == department) FillPhone(department, email, phone);
            return;
        }
        _byEmail[email] = department;
        department.People.Add(new ImportedPerson(name, email, phone, backup, row));
    }

    // Listed twice in one department: one person, and a phone given only the second time is not lost.
    private static void FillPhone(DepartmentDraft department, string email, string? phone)
    {
        var index = department.People.FindIndex(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase));
        if (index >= 0 && department.People[index].Phone is null && phone is not null)
            department.People[index] = department.People[index] with { Phone = phone };
    }

    private static string? At(IReadOnlyList<string> values, int i) => i < values.Count && values[i].Length > 0 ? values[i] : null;
}
