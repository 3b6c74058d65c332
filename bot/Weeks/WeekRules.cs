using System.Globalization;
using System.Net.Mail;

namespace VocEdWeek.Bot.Weeks;

/// <summary>What every week must satisfy, whether it comes from a file, the notice, an import or a change in the chat.</summary>
public static class WeekRules
{
    public static (string Path, string Message)? FindProblem(WeekDefinition w)
    {
        if (string.IsNullOrWhiteSpace(w.Id)) return ("$.id", "is required (e.g. \"2024-wuxi\").");
        if (string.IsNullOrWhiteSpace(w.Title)) return ("$.title", "is required.");
        try { TimeZoneInfo.FindSystemTimeZoneById(w.TimeZone); }
        catch (TimeZoneNotFoundException) { return ("$.timeZone", $"'{w.TimeZone}' is not a known time zone (use e.g. Asia/Shanghai)."); }
        if (w.Start == default) return ("$.start", "is required (yyyy-MM-dd).");
        if (w.End == default) return ("$.end", "is required (yyyy-MM-dd).");
        if (w.End < w.Start) return ("$.end", "is before start.");
        if (w.End.DayNumber - w.Start.DayNumber > 30) return ("$.end", "makes the week longer than 31 days.");
        if (!TimeOnly.TryParseExact(w.Deadlines.DailyReport, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return ("$.deadlines.dailyReport", $"'{w.Deadlines.DailyReport}' is not a time of day like 12:00.");
        foreach (var (name, value) in new[] { ("plan", w.Deadlines.Plan), ("statistics", w.Deadlines.Statistics), ("summary", w.Deadlines.Summary) })
        {
            if (value is not null && !DateTime.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                return ($"$.deadlines.{name}", $"'{value}' is not a local date-time like 2024-05-12T12:00.");
        }
        if (w.Locale is not ("zh-CN" or "en-US")) return ("$.locale", "must be zh-CN or en-US.");
        foreach (var (field, list) in new[] { ("admins", w.Office.Admins), ("staff", w.Office.Staff), ("observers", w.Office.Observers) })
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (PersonProblem(list[i]) is { } p) return ($"$.office.{field}[{i}].{p.Field}", p.Message);
            }
        }
        // No departments yet is allowed: a week made from the notice gets its liaison list afterwards.
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var people = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var d = 0; d < w.Departments.Count; d++)
        {
            var dept = w.Departments[d];
            if (string.IsNullOrWhiteSpace(dept.Id)) return ($"$.departments[{d}].id", "is required.");
            if (!ids.Add(dept.Id)) return ($"$.departments[{d}].id", $"'{dept.Id}' is used by two departments.");
            if (string.IsNullOrWhiteSpace(dept.Name)) return ($"$.departments[{d}].name", "is required.");
            for (var l = 0; l < dept.Liaisons.Count; l++)
            {
                var person = dept.Liaisons[l];
                if (PersonProblem(person) is { } p) return ($"$.departments[{d}].liaisons[{l}].{p.Field}", p.Message);
                // One person answering for two departments would make "my department" ambiguous.
                var key = person.AadObjectId ?? person.Email!;
                if (people.TryGetValue(key, out var other) && other != dept.Id)
                    return ($"$.departments[{d}].liaisons[{l}]", $"{person.Name} is already a liaison of department '{other}'.");
                people[key] = dept.Id;
            }
        }
        return null;
    }

    /// <summary>Null when the person can be matched to a Teams user; else the field at fault and why.</summary>
    public static (string Field, string Message)? PersonProblem(Person p)
    {
        if (string.IsNullOrWhiteSpace(p.Name)) return ("name", "is required.");
        if (string.IsNullOrWhiteSpace(p.Email) && string.IsNullOrWhiteSpace(p.AadObjectId))
            return ("email", $"{p.Name} needs an email (or aadObjectId) so Teams users can be matched.");
        if (p.Email is not null && !MailAddress.TryCreate(p.Email, out _)) return ("email", $"'{p.Email}' is not an email address.");
        if (p.AadObjectId is not null && !Guid.TryParse(p.AadObjectId, out _)) return ("aadObjectId", $"'{p.AadObjectId}' is not a GUID.");
        return null;
    }
}
