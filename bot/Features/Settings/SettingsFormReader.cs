using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Settings;

/// <summary>Reads a form of the "设置" card (<c>change</c> names which) into a proposal; a missing or malformed field gets the usage text.</summary>
public static class SettingsFormReader
{
    public static SettingsParse Read(JsonElement? value, ActiveWeek week)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v) return SettingsParse.Error("settings_form_incomplete");
        string? F(string name) => v.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String && p.GetString()!.Trim() is { Length: > 0 } s ? s : null;
        var change = F("change");
        SettingsProposal? proposal = change switch
        {
            "department.add" when F("deptName") is { } n => new() { Kind = change, Name = n },
            "department.rename" when F("renameDept") is { } d && F("renameTo") is { } n => new() { Kind = change, DepartmentId = d, Name = n },
            "department.remove" when F("removeDept") is { } d => new() { Kind = change, DepartmentId = d },
            "liaison.replace" when Split(F("replaceWho")) is { } who && F("replaceName") is { } n && Key(F("replaceEmail")) is { } k =>
                new() { Kind = change, DepartmentId = who.Dept, OldKey = who.Key, Name = n, Email = k.Email, AadObjectId = k.Aad, Phone = F("replacePhone") },
            "liaison.add" when F("addDept") is { } d && F("addName") is { } n && Key(F("addEmail")) is { } k =>
                Liaison(d, n, k, F("addPhone"), F("addBackup") == "true"),
            "office.add" when F("officeName") is { } n && Key(F("officeKey")) is { } k && Enum.TryParse<Role>(F("officeRole"), out var role) =>
                new() { Kind = SettingsProposal.OfficeKind(role), Role = role, Name = n, Email = k.Email, AadObjectId = k.Aad },
            "office.remove" when F("officeRemove") is { } k => new() { Kind = change, OldKey = k },
            "deadline.move" when Enum.TryParse<ItemKind>(F("deadlineItem"), out var item) && Local(F("deadlineDate"), F("deadlineTime")) is { } at =>
                new() { Kind = change, Item = item, When = at },
            "deadline.dailyReport" when Clock(F("reportTime")) is { } time => new() { Kind = change, When = time },
            "week.exempt" when F("exemptDept") is { } d => new() { Kind = change, DepartmentId = d, Reason = F("exemptReason") },
            _ => null,
        };
        return proposal is null ? SettingsParse.Error("settings_form_incomplete") : new SettingsParse(proposal);
    }

    private static SettingsProposal Liaison(string dept, string name, (string? Email, string? Aad) key, string? phone, bool backup) =>
        new() { Kind = backup ? "liaison.addBackup" : "liaison.add", DepartmentId = dept, Name = name, Email = key.Email, AadObjectId = key.Aad, Phone = phone, Backup = backup };

    /// <summary>"jd|zhangwei@…" → the department and the person's key.</summary>
    private static (string Dept, string Key)? Split(string? value) =>
        value?.IndexOf('|') is > 0 and var at ? (value[..at], value[(at + 1)..]) : null;

    /// <summary>An e-mail/UPN or an Entra object id; null when it is neither.</summary>
    private static (string? Email, string? Aad)? Key(string? value) =>
        value is null ? null
        : Guid.TryParse(value, out var id) ? (null, id.ToString())
        : MailAddress.TryCreate(value, out _) ? (value, null)
        : null;

    private static string? Local(string? date, string? time) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && Clock(time) is { } c
            ? $"{d:yyyy-MM-dd}T{c}"
            : null;

    /// <summary>Teams sends "17:00" (some clients "17:00:00").</summary>
    private static string? Clock(string? time) =>
        TimeOnly.TryParseExact(time, ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var c)
            ? c.ToString("HH:mm", CultureInfo.InvariantCulture)
            : null;
}
