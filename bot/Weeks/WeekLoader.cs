using System.Globalization;
using System.Net.Mail;
using System.Text.Json;

namespace VocEdWeek.Bot.Weeks;

/// <summary>
/// Reads and checks a week file. Any mistake stops start-up with the file, the line and the field at fault.
/// </summary>
public static class WeekLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static WeekDefinition Load(string file)
    {
        if (!File.Exists(file)) throw new ConfigurationException($"Week:DefinitionFile '{file}' does not exist.");
        var bytes = File.ReadAllBytes(file);
        return Parse(bytes, Path.GetFileName(file));
    }

    public static WeekDefinition Parse(byte[] utf8, string fileName)
    {
        WeekDefinition? week;
        try
        {
            week = JsonSerializer.Deserialize<WeekDefinition>(utf8, Json);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is null ? "" : $", field {JsonLineMap.Describe(ex.Path)}";
            throw new ConfigurationException($"Week file {fileName}, line {(ex.LineNumber ?? 0) + 1}{field}: {FirstSentence(ex.Message)}");
        }
        if (week is null) throw new ConfigurationException($"Week file {fileName} is empty.");
        var problem = FindProblem(week);
        if (problem is not null)
        {
            var line = new JsonLineMap(utf8).LineOf(problem.Value.Path);
            throw new ConfigurationException($"Week file {fileName}, line {line}, field {JsonLineMap.Describe(problem.Value.Path)}: {problem.Value.Message}");
        }
        return week;
    }

    private static (string Path, string Message)? FindProblem(WeekDefinition w)
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
        for (var i = 0; i < w.Office.Staff.Count; i++)
        {
            if (PersonProblem(w.Office.Staff[i]) is { } p) return ($"$.office.staff[{i}].{p.Field}", p.Message);
        }
        if (w.Departments.Count == 0) return ("$.departments", "must list at least one department.");
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

    private static (string Field, string Message)? PersonProblem(Person p)
    {
        if (string.IsNullOrWhiteSpace(p.Name)) return ("name", "is required.");
        if (string.IsNullOrWhiteSpace(p.Email) && string.IsNullOrWhiteSpace(p.AadObjectId))
            return ("email", $"{p.Name} needs an email (or aadObjectId) so Teams users can be matched.");
        if (p.Email is not null && !MailAddress.TryCreate(p.Email, out _)) return ("email", $"'{p.Email}' is not an email address.");
        if (p.AadObjectId is not null && !Guid.TryParse(p.AadObjectId, out _)) return ("aadObjectId", $"'{p.AadObjectId}' is not a GUID.");
        return null;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }
}
