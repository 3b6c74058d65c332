using System.Text.Json.Nodes;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Recommend;

/// <summary>The candidates card as it is now: read from the stores at every answer, so every click shows what is stored.</summary>
public sealed class RecommendViews(CandidateReader reader, IPickStore picks, RecommendCard card)
{
    public JsonObject Render(ActiveWeek week, PickSource source, RecommendFilter filter, Strings t, string notice = "", bool problem = false) =>
        Compose(week, source, filter, t, notice, problem).Card;

    public (JsonObject Card, JsonObject Data) Compose(ActiveWeek week, PickSource source, RecommendFilter filter, Strings t,
        string notice = "", bool problem = false)
    {
        var active = picks.Active(week.Definition.Id);
        var picked = active.Where(p => p.Source == PickSource.Office).Select(p => p.ItemId).ToHashSet(StringComparer.Ordinal);
        var nominated = active.Where(p => p.Source == PickSource.Liaison).Select(p => p.ItemId).ToHashSet(StringComparer.Ordinal);
        var candidates = reader.Read(week, filter.DepartmentId, filter.Day);
        var own = source == PickSource.Liaison && filter.DepartmentId is { } id ? week.Department(id)?.Name : null;
        return card.Compose(new RecommendView(week, source, candidates, filter, picked, nominated, own, notice, problem), t);
    }

    /// <summary>Every candidate of the week (of one department), by item id: what a submit may pick.</summary>
    public IReadOnlyDictionary<string, Candidate> Candidates(ActiveWeek week, string? departmentId = null) =>
        reader.Read(week, departmentId).ToDictionary(c => c.ItemId, StringComparer.Ordinal);

    /// <summary>"已推荐 2 项，撤回 1 项。" and, when some items left the candidates, how many were not picked.</summary>
    public static string Receipt(string key, PickOutcome outcome, Strings t, params object[] more)
    {
        var text = t.Format(key, [outcome.Picked, outcome.Withdrawn, .. more]);
        return outcome.Gone > 0 ? text + t.Format("recommend_gone", outcome.Gone) : text;
    }
}
