using System.Text;
using System.Text.RegularExpressions;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Exports;

/// <summary>
/// Understands "导出统计表", "全部导出", "导出 2020 统计表", "export stats", "exprot summary" (full-width and typos are fine).
/// Null when the text is not an export command at all; a request without kinds when it is one but names nothing known.
/// </summary>
public static partial class ExportCommandParser
{
    /// <summary>The order of the pattern list is the matching order: a phrase once claimed is not read again.</summary>
    private static readonly (Func<Regex> Pattern, ExportKind? Kind)[] KindRules =
    [
        (ExportWords.Recommendation, ExportKind.RecommendCompilation),
        (ExportWords.All, null),
        (ExportWords.Statistics, ExportKind.Statistics),
        (ExportWords.PlanInfo, ExportKind.PlanInfo),
        (ExportWords.ReportRegister, ExportKind.ReportRegister),
        (ExportWords.MediaIndex, ExportKind.MediaIndex),
        (ExportWords.SummaryCompilation, ExportKind.SummaryCompilation),
    ];

    /// <param name="weeks">Known weeks (id, title), so "导出 2020年山东省职业教育活动周 统计表" names that week.</param>
    public static ExportRequest? Parse(string text, IReadOnlyList<(string Id, string Title)> weeks)
    {
        var compact = Compact(ExportWords.CorrectTypos(CommandText.From(text).Folded));
        if (Trigger(compact) is not { } rest) return null;

        string? weekId = null;
        foreach (var (id, title) in weeks.OrderByDescending(w => w.Title.Length))
        {
            foreach (var name in new[] { title, id })
            {
                var folded = Compact(CommandText.From(name).Folded);
                if (folded.Length == 0) continue;
                var at = rest.IndexOf(folded, StringComparison.Ordinal);
                if (at < 0) continue;
                weekId = id;
                rest = rest.Remove(at, folded.Length).Insert(at, " ");
                break;
            }
            if (weekId is not null) break;
        }

        int? year = null;
        if (weekId is null && ExportWords.Year().Match(rest) is { Success: true } y)
        {
            year = int.Parse(y.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            rest = rest.Remove(y.Index, y.Length).Insert(y.Index, " ");
        }

        var claimed = new bool[rest.Length];
        var kinds = new List<ExportKind>();
        var all = false;
        var recommend = false;
        foreach (var (pattern, kind) in KindRules)
        {
            foreach (Match m in pattern().Matches(rest))
            {
                if (m.Length == 0 || claimed.AsSpan(m.Index, m.Length).Contains(true)) continue;
                claimed.AsSpan(m.Index, m.Length).Fill(true);
                if (kind is ExportKind.RecommendCompilation) recommend = true;
                else if (kind is { } k) { if (!kinds.Contains(k)) kinds.Add(k); }
                else all = true;
            }
        }
        if (all) kinds = [.. ExportKinds.All];
        // The package is its three files together; "导出全部推荐材料" is still just the package.
        if (recommend) kinds = all ? [.. ExportKinds.Recommendation] : [.. kinds, .. ExportKinds.Recommendation];
        var leftover = new StringBuilder(rest.Length);
        for (var i = 0; i < rest.Length; i++) leftover.Append(claimed[i] ? ' ' : rest[i]);
        var unknown = ExportWords.Filler().Replace(leftover.ToString(), " ");
        unknown = string.Join(' ', unknown.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !ExportWords.EnglishFiller.Contains(w)));
        return new ExportRequest(kinds, all, weekId, year, unknown);
    }

    /// <summary>The text after "导出" / "export" (or before a trailing "导出"); null when neither is there.</summary>
    private static string? Trigger(string compact)
    {
        if (ExportWords.LeadingTrigger().Match(compact) is { Success: true } lead) return compact[lead.Length..].Trim();
        if (ExportWords.TrailingTrigger().Match(compact) is { Success: true } trail) return compact[..trail.Index].Trim();
        return null;
    }

    /// <summary>No spaces between Chinese characters; a space between Latin letters or digits and Chinese.</summary>
    private static string Compact(string folded)
    {
        var joined = CjkGap().Replace(folded, "");
        return LatinCjkBoundary().Replace(joined, " ").Trim();
    }

    [GeneratedRegex(@"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")]
    private static partial Regex CjkGap();

    [GeneratedRegex(@"(?<=[a-z0-9])(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])(?=[a-z0-9])")]
    private static partial Regex LatinCjkBoundary();
}
