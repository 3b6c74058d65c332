using System.Text;
using System.Text.RegularExpressions;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Office;

/// <summary>
/// "免报 机电工程学院 5月14日 外出参赛", "exempt jd plan reason: …", "取消免报 机电 5月14日": set or lift an exemption.
/// <see cref="Rest"/> is what remains after the command word, the day or item and the reason marker: the department,
/// possibly followed by a reason without marker ("机电工程学院 外出参赛").
/// </summary>
public sealed partial record ExemptionRequest(bool Remove, WeekItem? Item, string? BadDate, string Rest, string? Reason)
{
    public static bool IsCommand(string text) => Command().IsMatch(Normalize(text));

    /// <summary>The request, or null when the text is not an exemption command.</summary>
    public static ExemptionRequest? Parse(string text, DateOnly today, IReadOnlyList<DateOnly> weekDays)
    {
        var original = text.Normalize(NormalizationForm.FormKC).Trim();
        var command = Command().Match(original.ToLowerInvariant());
        if (!command.Success) return null;
        var args = original.ToLowerInvariant()[command.Length..];

        WeekItem? item = null;
        string? badDate = null;
        if (DatePhrase.Find(args, today, weekDays) is { } date)
        {
            if (date.Date is { } day) item = new WeekItem(ItemKind.DailyReport, day); else badDate = date.Phrase;
            args = date.Rest;
        }
        else if (ItemWord().Match(args) is { Success: true } word)
        {
            item = new WeekItem(word.Groups["plan"].Success ? ItemKind.Plan : word.Groups["stats"].Success ? ItemKind.Statistics : ItemKind.Summary);
            args = args.Remove(word.Index, word.Length).Insert(word.Index, " ");
        }

        string? reason = null;
        if (ReasonMarker().Match(args) is { Success: true } marker)
        {
            reason = Clean(args[(marker.Index + marker.Length)..]);
            args = args[..marker.Index];
        }
        return new ExemptionRequest(command.Groups["remove"].Success, item, badDate, Clean(args), OriginalCase(original, reason));
    }

    /// <summary>The reason as typed (the parse works on lower case).</summary>
    public static string? OriginalCase(string original, string? lower)
    {
        if (string.IsNullOrEmpty(lower)) return null;
        var at = original.IndexOf(lower, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? lower : original.Substring(at, lower.Length);
    }

    public static string Clean(string s) => Separators().Replace(s, " ").Trim();

    private static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();

    [GeneratedRegex(@"^(?:(?<remove>取消免报|撤销免报|解除免报|删除免报|不再免报|unexempt\b|un-exempt\b|cancel\s+(?:the\s+)?exemption\b|remove\s+(?:the\s+)?exemption\b|undo\s+(?:the\s+)?exemption\b)|设为免报|设置免报|标记免报|免报|exempt\b|excuse\b)\s*[:：]?")]
    private static partial Regex Command();

    [GeneratedRegex(@"(?<plan>方案与信息采集表|信息采集表|计划|方案|\bplan\b)|(?<stats>统计表|统计|\bstatistics\b|\bstats\b)|(?<summary>总结|\bsummary\b)")]
    private static partial Regex ItemWord();

    [GeneratedRegex(@"(?:原因|理由|事由|因为|备注)\s*[:：是为]?|\b(?:reason|because)\b\s*:?")]
    private static partial Regex ReasonMarker();

    [GeneratedRegex(@"[\s,，、;；:：。.]+")]
    private static partial Regex Separators();
}
