using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>Pairs imported departments and people with the current ones.</summary>
internal static class RosterMatch
{
    /// <summary>
    /// By name first (spaces, width and case set aside); a department no name matches is a renamed current one
    /// when they share liaisons' e-mails (the most shared wins), else new.
    /// </summary>
    public static IReadOnlyList<(ImportedDepartment Imported, Department? Current)> Pair(IReadOnlyList<Department> current, IReadOnlyList<ImportedDepartment> imported)
    {
        var free = current.ToList();
        var byName = new Department?[imported.Count];
        for (var i = 0; i < imported.Count; i++)
        {
            var match = free.FirstOrDefault(d => CellText.Key(d.Name) == CellText.Key(imported[i].Name));
            if (match is null) continue;
            byName[i] = match;
            free.Remove(match);
        }
        var pairs = new List<(ImportedDepartment, Department?)>();
        for (var i = 0; i < imported.Count; i++)
        {
            var match = byName[i];
            if (match is null)
            {
                var emails = imported[i].People.Select(p => p.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
                match = free.Select(d => (d, shared: d.Liaisons.Count(p => p.Email is not null && emails.Contains(p.Email))))
                    .Where(x => x.shared > 0).OrderByDescending(x => x.shared).Select(x => x.d).FirstOrDefault();
                if (match is not null) free.Remove(match);
            }
            pairs.Add((imported[i], match));
        }
        return pairs;
    }

    /// <summary>Liaisons matched by e-mail: added, removed, and changed (name, phone, backup flag).</summary>
    public static IReadOnlyList<PersonChange> People(IReadOnlyList<Person> before, IReadOnlyList<ImportedPerson> after)
    {
        var changes = new List<PersonChange>();
        foreach (var p in after)
        {
            var old = before.FirstOrDefault(b => string.Equals(b.Email, p.Email, StringComparison.OrdinalIgnoreCase));
            var change = new PersonChange(old is null ? PersonChangeKind.Added : PersonChangeKind.Changed, old, p);
            if (old is null || change.NameChanged || change.PhoneChanged || change.BackupChanged) changes.Add(change);
        }
        foreach (var b in before.Where(b => !after.Any(p => string.Equals(b.Email, p.Email, StringComparison.OrdinalIgnoreCase))))
            changes.Add(new PersonChange(PersonChangeKind.Removed, b, null));
        return changes;
    }
}
