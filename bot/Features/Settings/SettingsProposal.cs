using System.Globalization;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;
using VocEdWeek.Bot.Weeks.Settings.Changes;

namespace VocEdWeek.Bot.Features.Settings;

/// <summary>
/// A change an admin asked for, before it is confirmed: flat, so it is kept as it is with the pending change and
/// turned into a <see cref="WeekChange"/> only when confirmed (against the week as it is then). <see cref="Kind"/> is the
/// settings-log kind; "week.exempt" is the one kept with the submissions instead of the week.
/// </summary>
public sealed class SettingsProposal
{
    public const string WeekExempt = "week.exempt";

    public string Kind { get; set; } = "";
    public string? DepartmentId { get; set; }
    /// <summary>A department's (new) name, or a person's name.</summary>
    public string? Name { get; set; }
    /// <summary>The person replaced or removed: e-mail or Entra id.</summary>
    public string? OldKey { get; set; }
    public string? Email { get; set; }
    public string? AadObjectId { get; set; }
    public string? Phone { get; set; }
    public bool Backup { get; set; }
    public Role Role { get; set; }
    public ItemKind Item { get; set; }
    /// <summary>A deadline as "yyyy-MM-ddTHH:mm" (local), or the daily report time "HH:mm"; kept as text, never converted by the store.</summary>
    public string? When { get; set; }
    public string? Reason { get; set; }

    public Person Person => new()
    {
        Name = Name?.Trim() ?? "",
        Email = Blank(Email),
        AadObjectId = Blank(AadObjectId),
        Phone = Blank(Phone),
        Backup = Backup,
    };

    /// <summary>The week change; null for <see cref="WeekExempt"/> (not a change of the week itself).</summary>
    public WeekChange? ToChange() => Kind switch
    {
        "department.add" => new AddDepartment(Name ?? ""),
        "department.rename" => new RenameDepartment(DepartmentId ?? "", Name ?? ""),
        "department.remove" => new RemoveDepartment(DepartmentId ?? ""),
        "liaison.replace" => new ReplaceLiaison(DepartmentId ?? "", OldKey ?? "", Person with { Backup = false }),
        "liaison.add" or "liaison.addBackup" => new AddLiaison(DepartmentId ?? "", Person),
        "liaison.remove" => new RemoveLiaison(DepartmentId ?? "", OldKey ?? ""),
        "office.addAdmin" or "office.addStaff" or "office.addObserver" => new AddOfficeMember(Role, Person with { Backup = false }),
        "office.remove" => new RemoveOfficeMember(OldKey ?? ""),
        "deadline.move" => new MoveDeadline(Item, DateTime.ParseExact(When ?? "", "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)),
        "deadline.dailyReport" => new SetReportTime(TimeOnly.ParseExact(When ?? "", "HH:mm", CultureInfo.InvariantCulture)),
        WeekExempt => null,
        _ => throw new WeekChangeRefused("settings_invalid", Kind),
    };

    public static string OfficeKind(Role role) => role switch
    {
        Role.Admin => "office.addAdmin",
        Role.Observer => "office.addObserver",
        _ => "office.addStaff",
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
