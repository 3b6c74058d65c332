namespace VocEdWeek.Bot.Weeks;

/// <summary>Who is who in a week: office staff and each department's liaisons, by Entra id or email.</summary>
public sealed class Roster
{
    private readonly Dictionary<string, Member> _byKey = new(StringComparer.OrdinalIgnoreCase);

    public Roster(WeekDefinition week)
    {
        foreach (var staff in week.Office.Staff) Add(new Member(Role.Staff, staff, null));
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
        // Staff listed first win: an office member who is also in a department list acts as staff.
        if (member.Person.AadObjectId is { } id) _byKey.TryAdd(id, member);
        if (member.Person.Email is { } email) _byKey.TryAdd(email, member);
    }
}

public enum Role
{
    Unknown,
    Liaison,
    Staff,
}

public sealed record Member(Role Role, Person Person, Department? Department);
