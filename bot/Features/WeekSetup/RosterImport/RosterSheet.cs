namespace VocEdWeek.Bot.Features.WeekSetup.RosterImport;

/// <summary>
/// What a liaison list said, row by row as the office sees it in Excel: only people with a usable e-mail are in
/// <see cref="Departments"/>; everyone left out is named in <see cref="Problems"/>.
/// </summary>
public sealed record RosterSheet(IReadOnlyList<ImportedDepartment> Departments, IReadOnlyList<RosterProblem> Problems, int HeaderRow)
{
    public int PeopleCount => Departments.Sum(d => d.People.Count);
}

/// <summary>A department as the list names it; <see cref="FirstRow"/> is the row it first appears on.</summary>
public sealed record ImportedDepartment(string Name, IReadOnlyList<ImportedPerson> People, int FirstRow);

/// <summary>A liaison; <see cref="Row"/> is 1-based: the Excel row number or the CSV line number.</summary>
public sealed record ImportedPerson(string Name, string? Email, string? Phone, bool Backup, int Row);

/// <summary>Something the office should fix in its list; <see cref="Name"/> is the person or department concerned.</summary>
public sealed record RosterProblem(int Row, RosterProblemKind Kind, string Name, string? Detail = null);

public enum RosterProblemKind
{
    /// <summary>A person without an e-mail: never imported, Teams could not match them.</summary>
    MissingEmail,
    /// <summary>An e-mail that is not one (detail: the text); the person is not imported.</summary>
    MalformedEmail,
    /// <summary>The same e-mail again (detail: the department it was first seen in); the first one wins.</summary>
    DuplicatePerson,
    /// <summary>A department with nobody left to answer for it.</summary>
    DepartmentWithoutLiaison,
    /// <summary>A phone or e-mail on a row with no name (detail: the text).</summary>
    MissingName,
    /// <summary>People on a row before any department was named.</summary>
    MissingDepartment,
}
