using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

public enum DepartmentChangeKind
{
    /// <summary>The same department (names equal once spaces, width and case are set aside).</summary>
    Kept,
    Added,
    Removed,
    /// <summary>A new name for a current department: no name matched, but liaisons' e-mails did.</summary>
    Renamed,
}

/// <summary>
/// One department against the current roster: <see cref="Name"/> as imported (as current when removed),
/// <see cref="OldName"/> when renamed, <see cref="CurrentId"/> when it exists now.
/// </summary>
public sealed record DepartmentChange(DepartmentChangeKind Kind, string Name, string? OldName, string? CurrentId, IReadOnlyList<PersonChange> People)
{
    public bool HasChanges => Kind != DepartmentChangeKind.Kept || People.Count > 0;
}

public enum PersonChangeKind
{
    Added,
    Removed,
    /// <summary>Same e-mail; name, phone or the backup flag differ.</summary>
    Changed,
}

/// <summary>A liaison before (current roster) and after (the imported list); one side is null when added or removed.</summary>
public sealed record PersonChange(PersonChangeKind Kind, Person? Before, ImportedPerson? After)
{
    public string Name => After?.Name ?? Before?.Name ?? "";

    public bool NameChanged => Before is not null && After is not null && Before.Name != After.Name;

    /// <summary>A list without a phone keeps the phone known now; only a different phone is a change.</summary>
    public bool PhoneChanged => Before is not null && After?.Phone is not null && Before.Phone != After.Phone;

    public bool BackupChanged => Before is not null && After is not null && Before.Backup != After.Backup;
}
