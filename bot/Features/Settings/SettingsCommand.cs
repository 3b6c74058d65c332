using System.Text;
using System.Text.RegularExpressions;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Settings;

/// <summary>
/// The typed shortcuts of the settings ("添加部门 …", "更换联络员 …", "日报时间 11:30" …): which one, and the words after it.
/// Deadline and report-time shortcuts need a time or date after them, so a question like "计划截止时间？" stays a question.
/// </summary>
public static partial class SettingsCommand
{
    /// <summary>The shortcut's name (see <see cref="SettingsCommandParser"/>) and the text after it; null when it is none.</summary>
    public static (string Name, string Args)? Find(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).Trim();
        var m = Command().Match(normalized);
        if (!m.Success) return null;
        var name = m.Groups.Cast<Group>().Skip(1).First(g => g.Success && !int.TryParse(g.Name, out _)).Name;
        var args = normalized[m.Length..].Trim();
        // The item is in the command word itself ("计划截止"): the deadline parser reads it there.
        if (name == "deadline") args = (m.Value + " " + args).Trim();
        if (name is "deadline" or "reportTime" && !IsSetting(normalized[m.Length..])) return null;
        if (name == "removeOffice" && args.Length == 0) return null;
        return (name, args);
    }

    /// <summary>
    /// "11:30", "5月11日 17:00", "2024-05-21": a time, or a date and nothing else. "日报截止 5月14日 谁没交" is a question.
    /// </summary>
    private static bool IsSetting(string args) =>
        SettingsCommandParser.TimeIn(args) is not null
        || Words.DatePhrase.Find(args, new DateOnly(2000, 1, 1)) is { Rest.Length: 0 };

    [GeneratedRegex(@"^(?:(?<addDept>添加部门|新增部门|增加部门|add\s+department\b|add\s+dept\b)"
        + @"|(?<renameDept>重命名部门|部门改名|部门更名|修改部门名称|rename\s+department\b|rename\s+dept\b)"
        + @"|(?<removeDept>删除部门|移除部门|remove\s+department\b|delete\s+department\b)"
        + @"|(?<replaceLiaison>更换联络员|替换联络员|change\s+liaison\b|replace\s+liaison\b)"
        + @"|(?<addBackup>添加备份联络员|添加备用联络员|添加b角|添加ab角|add\s+backup(?:\s+liaison)?\b)"
        + @"|(?<addLiaison>添加联络员|新增联络员|增加联络员|add\s+liaison\b)"
        + @"|(?<removeLiaison>移除联络员|删除联络员|remove\s+liaison\b)"
        + @"|(?<addAdmin>添加管理员|新增管理员|add\s+admin(?:istrator)?\b)"
        + @"|(?<addStaff>添加工作人员|添加教务处人员|添加教务人员|新增工作人员|add\s+staff\b)"
        + @"|(?<addObserver>添加观察员|添加只读人员|新增观察员|add\s+observer\b)"
        + @"|(?<reportTime>日报截止时间|日报时间|日报截止|daily\s+report\s+time\b|report\s+time\b)"
        + @"|(?<deadline>(?:计划|方案|统计表|统计|总结)\s*截止(?:时间|日期)?|(?:plan|statistics|stats|summary)\s+deadline\b)"
        + @"|(?<weekExempt>全周免报|整周免报|exempt\s+(?:the\s+)?(?:whole\s+)?week\b)"
        + @"|(?<removeOffice>移除人员|删除人员|移除(?!免报)|remove\b(?!\s+(?:the\s+)?exemption)))\s*[:：]?",
        RegexOptions.IgnoreCase)]
    private static partial Regex Command();
}
