namespace VocEdWeek.Bot.Weeks.Settings;

/// <summary>
/// One change to a week, made in the chat after a confirm card: it makes the new week from the old one (or refuses with a
/// localization key) and says what it changed in words for the settings log. Changes never edit a week in place.
/// </summary>
public abstract record WeekChange
{
    /// <summary>Stable name in the settings log, e.g. <c>liaison.replace</c>; its text is <c>settings_kind_{Kind}</c>.</summary>
    public abstract string Kind { get; }

    public abstract WeekDefinition Apply(WeekDefinition week);

    /// <summary>Subject, value before, value after — names, e-mails, dates: words both languages show as they are.</summary>
    public abstract (string Subject, string Before, string After) Describe(WeekDefinition before);

    protected static Department Find(WeekDefinition week, string departmentId) =>
        week.Departments.FirstOrDefault(d => d.Id == departmentId) ?? throw new WeekChangeRefused("settings_no_department", departmentId);

    protected static WeekDefinition Replace(WeekDefinition week, Department old, Department? updated) =>
        week with { Departments = week.Departments.SelectMany(d => d == old ? (updated is null ? [] : new[] { updated }) : [d]).ToList() };

    /// <summary>One person answers for one department ("my department" must be one): refused with where they are.</summary>
    protected static void EnsureNotElsewhere(WeekDefinition week, string departmentId, Person person)
    {
        if (week.Departments.FirstOrDefault(d => d.Id != departmentId && d.Liaisons.Any(p => Is(p, KeyOf(person)) || (person.Email is not null && Is(p, person.Email)))) is { } other)
            throw new WeekChangeRefused("settings_person_elsewhere", person.Name, other.Name);
    }

    public static string KeyOf(Person p) => p.AadObjectId ?? p.Email ?? p.Name;

    public static bool Is(Person p, string key) =>
        string.Equals(p.Email, key, StringComparison.OrdinalIgnoreCase) || string.Equals(p.AadObjectId, key, StringComparison.OrdinalIgnoreCase);

    public static string Show(Person p) => p.Email is null ? p.Name : $"{p.Name} <{p.Email}>";

    public static string Show(IEnumerable<Person> people) => string.Join("、", people.Select(Show));
}

/// <summary>A change that cannot be made (e.g. the department was removed meanwhile): a localization key and its values.</summary>
public sealed class WeekChangeRefused(string key, params object?[] args) : Exception(key)
{
    public string Key { get; } = key;
    public object?[] Args { get; } = args;
}
