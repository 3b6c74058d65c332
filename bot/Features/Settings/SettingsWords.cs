using System.Text.RegularExpressions;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Settings;

/// <summary>
/// How a change reads, on the confirm card, the receipt and in "设置记录": the kind in words (<c>settings_kind_…</c>), and
/// the subject and values as the log keeps them, with roles and deadline names put into the reader's language.
/// </summary>
public static partial class SettingsWords
{
    public static string Kind(string kind, Strings t) => t[$"settings_kind_{kind}"];

    public static string Subject(string kind, string? subject, Strings t, ActiveWeek? week) => kind switch
    {
        "deadline.move" or "deadline.dailyReport" when Enum.TryParse<ItemKind>(subject, out var item) => ItemNames.KindName(item, t),
        // A rename is logged under the department's id (its name is what changes).
        "department.rename" when subject is not null && week?.Department(subject) is { } dept => $"{dept.Name}（{dept.Id}）",
        _ => subject ?? "",
    };

    /// <summary>The value in words; "（无）" when there is none (empty, or null from a caller with no value).</summary>
    public static string Value(string kind, string? value, Strings t)
    {
        if (string.IsNullOrEmpty(value)) return t["settings_none"];
        if (kind.StartsWith("office.", StringComparison.Ordinal) && Enum.TryParse<Role>(value, out var role)) return RoleName(role, t);
        // The log keeps people as "张伟 <zhangwei@…>"; shown as "张伟（zhangwei@…）", which needs no markdown escaping.
        return LoggedPerson().Replace(value, m => t.Format("settings_person", m.Groups["name"].Value, m.Groups["key"].Value));
    }

    /// <summary>"张伟（zhangwei@…） 13800000001" / "张伟 (zhangwei@…)", with "（备份）" for a backup.</summary>
    public static string Person(Person p, Strings t)
    {
        var key = p.Email ?? p.AadObjectId;
        var shown = key is null ? p.Name : t.Format("settings_person", p.Name, key);
        if (p.Phone is { } phone) shown += " " + phone;
        return p.Backup ? t.Format("settings_backup_mark", shown) : shown;
    }

    [GeneratedRegex(@"(?<name>[^、<>]+?) <(?<key>[^<>]+)>")]
    private static partial Regex LoggedPerson();

    public static string RoleName(Role role, Strings t) => t[$"settings_role_{role.ToString().ToLowerInvariant()}"];
}
