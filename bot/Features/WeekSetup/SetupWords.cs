using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.WeekSetup;

/// <summary>The words that start setting up: a new week (with the notice), the roster import, the blank template.</summary>
public static class SetupWords
{
    private static readonly string[] NewWeek = ["新建活动周", "新建活動週", "新建活动", "创建活动周", "新的活动周", "new week", "create week", "create a new week"];
    private static readonly string[] ImportRoster = ["导入名单", "導入名單", "导入联络员", "导入联络员名单", "更新名单", "import roster", "import liaisons", "roster import"];
    private static readonly string[] Template = ["名单模板", "联络员模板", "名单模版", "roster template", "template"];

    /// <summary>The notice pasted after the words (or null when the message does not start with them).</summary>
    public static string? NewWeekNotice(string original)
    {
        var trimmed = original.TrimStart();
        foreach (var word in NewWeek)
        {
            if (trimmed.StartsWith(word, StringComparison.OrdinalIgnoreCase)) return trimmed[word.Length..].TrimStart(' ', '：', ':', '\n', '\r', '\t');
        }
        return null;
    }

    public static bool IsImport(CommandText text) => text.IsOneOf(ImportRoster) || ImportRoster.Any(w => text.Folded.StartsWith(CommandText.From(w).Folded + " ", StringComparison.Ordinal));

    public static bool IsTemplate(CommandText text) => text.IsOneOf(Template);
}
