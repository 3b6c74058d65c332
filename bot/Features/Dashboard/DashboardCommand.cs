using System.Text.RegularExpressions;
using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Words;

namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary>
/// "看板", "进度看板", "dashboard", optionally with a past week: "看板 2023", "dashboard 2023-wuxi".
/// A word after the command that names no year and no week is not this command (so "看板怎么用" goes to help).
/// </summary>
public static partial class DashboardCommand
{
    public sealed record Parsed(string? WeekWords);

    public static Parsed? Parse(CommandText text, WeekCatalog weeks)
    {
        var m = Pattern().Match(text.Folded);
        if (!m.Success) return null;
        var rest = m.Groups["rest"].Value.Trim();
        if (rest.Length == 0) return new Parsed(null);
        return Year().IsMatch(rest) || Find(rest, weeks) is not null ? new Parsed(rest) : null;
    }

    /// <summary>The week named by id, by title, or by year (the year's only week).</summary>
    public static ActiveWeek? Find(string words, WeekCatalog weeks)
    {
        var w = words.Trim();
        // Typed text is folded ("2024-wuxi" arrives as "2024 wuxi"): compare ids folded the same way.
        var byId = weeks.All.FirstOrDefault(x => CommandText.From(x.Definition.Id).Folded == w);
        if (byId is not null) return byId;
        var byTitle = weeks.All.Where(x => CommandText.From(x.Definition.Title).Folded.Contains(w, StringComparison.Ordinal)).ToList();
        if (byTitle.Count == 1) return byTitle[0];
        var year = Year().Match(w);
        if (!year.Success) return null;
        var byYear = weeks.All.Where(x => x.Definition.Start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) == year.Groups[1].Value).ToList();
        return byYear.Count == 1 ? byYear[0] : null;
    }

    [GeneratedRegex(@"^(?:进度看板|数据看板|报送看板|看板|仪表盘|(?:open\s+|show\s+)?(?:the\s+|my\s+)?(?:live\s+|progress\s+)?dashboard)(?<rest>.*)$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^\s*(20\d{2})\s*(?:年|year)?\s*$")]
    private static partial Regex Year();
}
