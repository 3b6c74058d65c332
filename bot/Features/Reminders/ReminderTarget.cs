using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Reminders;

/// <summary>One liaison of a department that still owes <see cref="Items"/>.</summary>
public sealed record ReminderTarget(Department Department, Person Person, IReadOnlyList<WeekItem> Items)
{
    /// <summary>Entra object id, else e-mail, else the name within the department.</summary>
    public string PersonKey => KeyOf(Department, Person);

    public static string KeyOf(Department department, Person person) =>
        person.AadObjectId ?? person.Email?.ToLowerInvariant() ?? $"{department.Id}:{person.Name}";

    /// <summary>
    /// The liaisons (and backups when <paramref name="includeBackups"/>) of every department still missing
    /// one of <paramref name="items"/> — not submitted and not exempt — with the items it misses.
    /// </summary>
    public static IReadOnlyList<ReminderTarget> Missing(WeekProgress progress, IReadOnlyList<WeekItem> items, bool includeBackups)
    {
        var targets = new List<ReminderTarget>();
        foreach (var department in progress.Week.Definition.Departments)
        {
            var owed = items.Where(i => progress.Department(department, i).Status == ItemStatus.Missing).ToList();
            if (owed.Count == 0) continue;
            var people = department.Liaisons.Where(p => includeBackups || !p.Backup).ToList();
            // A department listed with backups only still has someone to remind.
            if (people.Count == 0) people = department.Liaisons.ToList();
            targets.AddRange(people
                .DistinctBy(p => KeyOf(department, p), StringComparer.OrdinalIgnoreCase)
                .Select(p => new ReminderTarget(department, p, owed)));
        }
        return targets;
    }
}
