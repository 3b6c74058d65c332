using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>
/// An imported list set against the current roster: what was found, what is wrong with it, and what would
/// change. Nothing is stored until the office confirms; then <see cref="ToDepartments"/> is what to store.
/// </summary>
public sealed class RosterPreview
{
    private readonly IReadOnlyList<(ImportedDepartment Imported, Department? Current)> _pairs;

    private RosterPreview(RosterSheet sheet, IReadOnlyList<Department> current, IReadOnlyList<(ImportedDepartment, Department?)> pairs, IReadOnlyList<DepartmentChange> changes)
    {
        Sheet = sheet;
        Current = current;
        _pairs = pairs;
        Changes = changes;
    }

    public RosterSheet Sheet { get; }

    public IReadOnlyList<Department> Current { get; }

    public int DepartmentCount => Sheet.Departments.Count;

    public int PeopleCount => Sheet.PeopleCount;

    public IReadOnlyList<RosterProblem> Problems => Sheet.Problems;

    /// <summary>Every imported department (kept, added or renamed) in list order, then the removed ones.</summary>
    public IReadOnlyList<DepartmentChange> Changes { get; }

    public bool HasChanges => Changes.Any(c => c.HasChanges);

    public static RosterPreview Compare(IReadOnlyList<Department> current, RosterSheet imported)
    {
        var pairs = RosterMatch.Pair(current, imported.Departments);
        var changes = new List<DepartmentChange>();
        foreach (var (dept, now) in pairs)
        {
            if (now is null)
            {
                changes.Add(new DepartmentChange(DepartmentChangeKind.Added, dept.Name, null, null, dept.People.Select(p => new PersonChange(PersonChangeKind.Added, null, p)).ToList()));
                continue;
            }
            var renamed = CellText.Key(now.Name) != CellText.Key(dept.Name);
            var kind = renamed ? DepartmentChangeKind.Renamed : DepartmentChangeKind.Kept;
            changes.Add(new DepartmentChange(kind, dept.Name, renamed ? now.Name : null, now.Id, RosterMatch.People(now.Liaisons, dept.People)));
        }
        var matched = pairs.Where(p => p.Current is not null).Select(p => p.Current!).ToHashSet();
        foreach (var gone in current.Where(d => !matched.Contains(d)))
            changes.Add(new DepartmentChange(DepartmentChangeKind.Removed, gone.Name, null, gone.Id, gone.Liaisons.Select(p => new PersonChange(PersonChangeKind.Removed, p, null)).ToList()));
        return new RosterPreview(imported, current, pairs, changes);
    }

    /// <summary>
    /// The departments to store: matched ones keep their id, people kept keep their Entra object id (by e-mail,
    /// wherever they were before) and their phone when the list gives none; new departments get a new id.
    /// </summary>
    public IReadOnlyList<Department> ToDepartments()
    {
        var ids = new DepartmentIds(Current.Select(d => d.Id));
        var known = Current.SelectMany(d => d.Liaisons).Where(p => p.Email is not null)
            .GroupBy(p => p.Email!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        return _pairs.Select(pair => new Department
        {
            Id = pair.Current?.Id ?? ids.Next(),
            Name = pair.Imported.Name,
            Liaisons = pair.Imported.People.Select(p =>
            {
                var before = p.Email is not null ? known.GetValueOrDefault(p.Email) : null;
                return new Person { Name = p.Name, Email = p.Email, Phone = p.Phone ?? before?.Phone, Backup = p.Backup, AadObjectId = before?.AadObjectId };
            }).ToList(),
        }).ToList();
    }

    /// <summary>The lines a preview card shows, in the office's language.</summary>
    public IReadOnlyList<string> Lines(Strings t) => RosterPreviewLines.Build(this, t);
}
