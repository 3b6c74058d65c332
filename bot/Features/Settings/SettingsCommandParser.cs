using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Settings;

/// <summary>What a typed shortcut asked for, or why it cannot be read (a localization key and its values) — never a guess.</summary>
public sealed record SettingsParse(SettingsProposal? Proposal, string? ErrorKey = null, params object?[] ErrorArgs)
{
    public static SettingsParse Error(string key, params object?[] args) => new(null, key, args);
}

/// <summary>
/// Reads "更换联络员 机电工程学院 李明 liming@… 13800000011", "添加管理员 王强 wangqiang@…", "计划截止 5月11日 17:00",
/// "全周免报 设计艺术学院 外出参赛" … into a <see cref="SettingsProposal"/>. E-mails, Entra ids and phone numbers are
/// taken out first (so a dot in an e-mail is never read as a separator), then the department is found by name, part or id.
/// </summary>
public static partial class SettingsCommandParser
{
    public static SettingsParse Parse(string name, string args, ActiveWeek week, DateOnly today)
    {
        var words = Words(args, out var email, out var aad, out var phone);
        switch (name)
        {
            case "addDept":
                return words.Length == 0 ? Usage() : Ok(new() { Kind = "department.add", Name = words });
            case "reportTime":
                return TimeIn(args) is { } time && time.Remaining.Trim().Length == 0
                    ? Ok(new() { Kind = "deadline.dailyReport", When = time.Time.ToString("HH:mm", CultureInfo.InvariantCulture) })
                    : Usage();
            case "deadline":
                return Deadline(args, week, today);
            case "addAdmin" or "addStaff" or "addObserver":
                if (email is null && aad is null) return Usage();
                var role = name switch { "addAdmin" => Role.Admin, "addObserver" => Role.Observer, _ => Role.Staff };
                return Ok(new() { Kind = SettingsProposal.OfficeKind(role), Role = role, Name = words.Length > 0 ? words : email ?? aad, Email = email, AadObjectId = aad, Phone = phone });
            case "removeOffice":
                return Ok(new() { Kind = "office.remove", OldKey = email ?? aad ?? OfficeKeyByName(week, words) ?? words });
        }

        if (words.Length == 0) return Usage();
        var match = DepartmentMatch.Find(words, week.Definition.Departments);
        if (match.Candidates.Count == 0) return SettingsParse.Error("settings_department_unknown", match.Named, Examples(week));
        if (match.Candidates.Count > 1) return SettingsParse.Error("settings_department_ambiguous", match.Named, string.Join("、", match.Candidates.Select(d => d.Name)));
        var dept = match.Candidates[0];
        var rest = match.Remainder.Trim();
        switch (name)
        {
            case "renameDept":
                var newName = RenameFiller().Replace(rest, "").Trim();
                return newName.Length == 0 ? Usage() : Ok(new() { Kind = "department.rename", DepartmentId = dept.Id, Name = newName });
            case "removeDept":
                return rest.Length == 0 ? Ok(new() { Kind = "department.remove", DepartmentId = dept.Id }) : Usage();
            case "weekExempt":
                return Ok(new() { Kind = SettingsProposal.WeekExempt, DepartmentId = dept.Id, Reason = rest.Length == 0 ? null : rest });
            case "removeLiaison":
                var byName = dept.Liaisons.FirstOrDefault(p => p.Name == rest);
                var key = email ?? aad ?? (byName is null ? null : Key(byName));
                return key is null ? Usage() : Ok(new() { Kind = "liaison.remove", DepartmentId = dept.Id, OldKey = key });
        }

        // A person for the department: a name and an e-mail or Entra id (the phone is optional).
        if (rest.Length == 0 || (email is null && aad is null)) return Usage();
        if (name is "addLiaison" or "addBackup")
            return Ok(new() { Kind = name == "addBackup" ? "liaison.addBackup" : "liaison.add", DepartmentId = dept.Id, Name = rest, Email = email, AadObjectId = aad, Phone = phone, Backup = name == "addBackup" });
        // 更换联络员: the department's main liaison; with several, the one to replace must be named by a second e-mail.
        var mains = dept.Liaisons.Where(p => !p.Backup).ToList();
        if (mains.Count != 1) return SettingsParse.Error("settings_which_liaison", dept.Name, string.Join("、", dept.Liaisons.Select(p => p.Name)));
        return Ok(new() { Kind = "liaison.replace", DepartmentId = dept.Id, OldKey = Key(mains[0]), Name = rest, Email = email, AadObjectId = aad, Phone = phone });
    }

    public static string Key(Person p) => p.Email ?? p.AadObjectId ?? p.Name;

    /// <summary>A time of day ("17:00", "17：00", "17点", "17点30") and the text without it.</summary>
    public static (TimeOnly Time, string Remaining)? TimeIn(string text)
    {
        var m = Clock().Match(text);
        if (!m.Success) return null;
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59) return null;
        return (new TimeOnly(hour, minute), text.Remove(m.Index, m.Length));
    }

    private static SettingsParse Deadline(string args, ActiveWeek week, DateOnly today)
    {
        var item = ItemWord().Match(args) switch
        {
            { Success: true } w when w.Groups["plan"].Success => ItemKind.Plan,
            { Success: true } w when w.Groups["stats"].Success => ItemKind.Statistics,
            { Success: true } => ItemKind.Summary,
            _ => (ItemKind?)null,
        };
        if (item is not { } kind) return Usage();
        var rest = ItemWord().Replace(args, " ", 1);
        var time = TimeIn(rest);
        if (time is { } found) rest = found.Remaining;
        if (DatePhrase.Find(rest, today, week.Calendar.Days) is not { } date) return Usage();
        if (date.Date is not { } day) return SettingsParse.Error("settings_bad_date", date.Phrase);
        var at = time?.Time ?? TimeOnly.FromDateTime(week.Calendar.ToLocal(week.Calendar.DeadlineOf(new WeekItem(kind))).DateTime);
        return Ok(new() { Kind = "deadline.move", Item = kind, When = day.ToDateTime(at).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) });
    }

    /// <summary>The words of the text, with the first e-mail, Entra id and phone number taken out.</summary>
    private static string Words(string args, out string? email, out string? aad, out string? phone)
    {
        email = aad = phone = null;
        var words = new List<string>();
        foreach (var token in Separators().Split(args).Select(s => s.Trim('<', '>', '(', ')', '（', '）', '。')).Where(s => s.Length > 0))
        {
            if (email is null && token.Contains('@') && MailAddress.TryCreate(token, out _)) email = token;
            else if (aad is null && Guid.TryParse(token, out var id)) aad = id.ToString();
            else if (phone is null && Phone().IsMatch(token)) phone = token;
            else words.Add(token);
        }
        return string.Join(' ', words);
    }

    private static string? OfficeKeyByName(ActiveWeek week, string name)
    {
        var office = week.Definition.Office;
        return office.Admins.Concat(office.Staff).Concat(office.Observers).FirstOrDefault(p => p.Name == name) is { } p ? Key(p) : null;
    }

    private static string Examples(ActiveWeek week) =>
        string.Join("、", week.Definition.Departments.Take(3).Select(d => $"{d.Name}（{d.Id}）"));

    private static SettingsParse Ok(SettingsProposal proposal) => new(proposal);

    private static SettingsParse Usage() => SettingsParse.Error("settings_usage");

    [GeneratedRegex(@"[\s,，、;；]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\+?\d[\d\-]{6,}$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?<![\d.:/\-])(?<h>\d{1,2})\s*(?:[:：]\s*(?<m>\d{2})|点\s*(?<m>\d{1,2})?\s*分?)(?![\d/\-])")]
    private static partial Regex Clock();

    [GeneratedRegex(@"(?<plan>计划|方案|\bplan\b)|(?<stats>统计表|统计|\bstatistics\b|\bstats\b)|(?<summary>总结|\bsummary\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ItemWord();

    [GeneratedRegex(@"^(?:改为|改成|更名为|为|to\b|->|→)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex RenameFiller();
}
