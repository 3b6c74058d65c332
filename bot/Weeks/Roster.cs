namespace VocEdWeek.Bot.Weeks;

/// <summary>
/// Who is who in a week: the office (admins, staff, observers) and each department's liaisons, by Entra id or e-mail.
/// The administrators named in configuration (<see cref="OfficeAdmins"/>) are admins of every week, and of none.
/// </summary>
public sealed class Roster
{
    private readonly Dictionary<string, Member> _byKey = new(StringComparer.OrdinalIgnoreCase);

    public Roster(WeekDefinition? week, OfficeAdmins admins)
    {
        // Listed first wins: the highest office role counts, and an office member also on a department list acts for the office.
        foreach (var admin in admins.People) Add(new Member(Role.Admin, admin, null));
        if (week is null) return;
        foreach (var admin in week.Office.Admins) Add(new Member(Role.Admin, admin, null));
        foreach (var staff in week.Office.Staff) Add(new Member(Role.Staff, staff, null));
        foreach (var observer in week.Office.Observers) Add(new Member(Role.Observer, observer, null));
        foreach (var dept in week.Departments)
        {
            foreach (var liaison in dept.Liaisons) Add(new Member(Role.Liaison, liaison, dept));
        }
    }

    public Member? Find(string? aadObjectId, string? email)
    {
        if (aadObjectId is not null && _byKey.TryGetValue(aadObjectId, out var byId)) return byId;
        return email is not null && _byKey.TryGetValue(email, out var byEmail) ? byEmail : null;
    }

    private void Add(Member member)
    {
        if (member.Person.AadObjectId is { } id) _byKey.TryAdd(id, member);
        if (member.Person.Email is { } email) _byKey.TryAdd(email, member);
    }
}

/// <summary>Roles, lowest first. Backup liaisons are liaisons (<see cref="Person.Backup"/>).</summary>
public enum Role
{
    Unknown,
    Liaison,
    Observer,
    Staff,
    Admin,
}

public sealed record Member(Role Role, Person Person, Department? Department)
{
    /// <summary>Office staff or an admin: may remind, exempt, export.</summary>
    public bool IsStaff => Role is Role.Staff or Role.Admin;

    /// <summary>Anyone of the office, observers included: may see progress and the dashboard.</summary>
    public bool IsOffice => Role is Role.Observer or Role.Staff or Role.Admin;
}
