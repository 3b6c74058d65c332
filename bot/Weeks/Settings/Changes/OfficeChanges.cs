namespace VocEdWeek.Bot.Weeks.Settings.Changes;

/// <summary>Makes someone an admin, office staff or observer of the week (moving them if they held another office role).</summary>
public sealed record AddOfficeMember(Role Role, Person Person) : WeekChange
{
    public override string Kind => Role switch { Role.Admin => "office.addAdmin", Role.Observer => "office.addObserver", _ => "office.addStaff" };

    public override WeekDefinition Apply(WeekDefinition week)
    {
        if (Role is not (Role.Admin or Role.Staff or Role.Observer)) throw new WeekChangeRefused("settings_bad_role");
        var without = RemoveOfficeMember.Without(week.Office, KeyOf(Person));
        var person = Person with { Backup = false, Phone = Person.Phone };
        var office = Role switch
        {
            Role.Admin => without with { Admins = [.. without.Admins, person] },
            Role.Observer => without with { Observers = [.. without.Observers, person] },
            _ => without with { Staff = [.. without.Staff, person] },
        };
        return week with { Office = office };
    }

    public override (string, string, string) Describe(WeekDefinition before) =>
        (Show(Person), RemoveOfficeMember.RoleOf(before.Office, KeyOf(Person)), Role.ToString());
}

public sealed record RemoveOfficeMember(string Key) : WeekChange
{
    public override string Kind => "office.remove";

    public override WeekDefinition Apply(WeekDefinition week)
    {
        if (RoleOf(week.Office, Key).Length == 0) throw new WeekChangeRefused("settings_not_office", Key);
        var office = Without(week.Office, Key);
        if (office.Admins.Count == 0 && office.Staff.Count == 0) throw new WeekChangeRefused("settings_last_office");
        return week with { Office = office };
    }

    public override (string, string, string) Describe(WeekDefinition before)
    {
        var all = before.Office.Admins.Concat(before.Office.Staff).Concat(before.Office.Observers);
        return (Show(all.Where(p => Is(p, Key))), RoleOf(before.Office, Key), "");
    }

    internal static OfficeInfo Without(OfficeInfo office, string key) => office with
    {
        Admins = office.Admins.Where(p => !Is(p, key)).ToList(),
        Staff = office.Staff.Where(p => !Is(p, key)).ToList(),
        Observers = office.Observers.Where(p => !Is(p, key)).ToList(),
    };

    internal static string RoleOf(OfficeInfo office, string key) =>
        office.Admins.Any(p => Is(p, key)) ? nameof(Role.Admin)
        : office.Staff.Any(p => Is(p, key)) ? nameof(Role.Staff)
        : office.Observers.Any(p => Is(p, key)) ? nameof(Role.Observer) : "";
}
