using System.Globalization;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Features.Digest;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Recommend;

/// <summary>
/// cards/recommend.json: the candidates with a toggle each, a day (and, for the office, a department) filter, an optional
/// reason, and paging. A page holds as many items as fit in Teams' size budget, at most <see cref="PageSize"/>; the next
/// page starts after the last one shown.
/// </summary>
public sealed class RecommendCard(CardTemplates cards)
{
    public const string Template = "recommend";
    public const int PageSize = 15;

    public JsonObject Render(RecommendView view, Strings t) => Compose(view, t).Card;

    /// <summary>
    /// The card and the template data it was expanded from (the card checks expand the same data with npm, the texts
    /// added as its <c>t</c>; the renderer gets them apart and keeps them converted once per language).
    /// </summary>
    public (JsonObject Card, JsonObject Data) Compose(RecommendView view, Strings t)
    {
        var ordered = view.Ordered;
        var from = Math.Min(view.Filter.From, Math.Max(0, ordered.Count - 1));
        var shown = Math.Min(PageSize, ordered.Count - from);
        while (true)
        {
            var data = Data(view, ordered, from, shown, t);
            var card = cards.Render(Template, data, t);
            if (shown <= 1 || DigestBudget.WireBytes(card) <= DigestBudget.CardBytes) return (card, data);
            shown = shown * 3 / 4;
        }
    }

    private static JsonObject Data(RecommendView view, IReadOnlyList<Candidate> ordered, int from, int shown, Strings t)
    {
        var week = view.Week;
        var page = ordered.Skip(from).Take(shown).ToList();
        var office = view.ForOffice;
        var items = page.Select((c, i) => (JsonNode)new JsonObject
        {
            ["head"] = Head(c, view, t),
            ["line"] = c.Line,
            ["id"] = PickChoice.ToggleId(i),
            ["on"] = view.IsOn(c) ? "true" : "false",
            ["label"] = t[office ? "recommend_toggle" : "nominate_toggle"],
        }).ToArray();
        var next = from + page.Count;
        return new JsonObject
        {
            ["title"] = t[office ? "recommend_title" : "nominate_title"],
            ["subtitle"] = view.DepartmentName is { } own ? $"{week.Definition.Title} · {own}" : week.Definition.Title,
            ["intro"] = office ? t["recommend_intro"] : t.Format("nominate_intro", NominationLimit.Max, view.Nominated.Count),
            ["notice"] = view.Notice,
            ["noticeColor"] = view.NoticeIsProblem ? "Attention" : "Good",
            ["weekId"] = week.Definition.Id,
            ["showVerb"] = office ? RecommendHandler.ShowVerb : NominateHandler.ShowVerb,
            ["submitVerb"] = office ? RecommendHandler.SubmitVerb : NominateHandler.SubmitVerb,
            ["submitTitle"] = t[office ? "recommend_submit" : "nominate_submit"],
            ["day"] = view.Filter.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? RecommendFilter.All,
            ["days"] = Choices(t["recommend_all_days"], week.Calendar.Days.Select(d => (WeekTime.Day(d, t), d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))),
            ["showDepartments"] = office,
            ["department"] = view.Filter.DepartmentId ?? RecommendFilter.All,
            ["departments"] = Choices(t["recommend_all_departments"], week.Definition.Departments.Select(d => (d.Name, d.Id))),
            ["items"] = new JsonArray(items),
            ["itemIds"] = PickChoice.Join(page.Select(c => c.ItemId)),
            ["empty"] = page.Count == 0 ? t["recommend_empty"] : "",
            ["range"] = page.Count == 0 ? "" : t.Format("recommend_range", from + 1, next, ordered.Count),
            ["from"] = from.ToString(CultureInfo.InvariantCulture),
            ["next"] = next.ToString(CultureInfo.InvariantCulture),
            ["hasNext"] = next < ordered.Count,
            ["hasPrevious"] = from > 0,
        };
    }

    /// <summary>"**机电工程学院** · 5月14日（周二） · 典型案例 · 自荐 · ★ 已推荐".</summary>
    private static string Head(Candidate c, RecommendView view, Strings t)
    {
        var parts = new List<string> { $"**{PlainText.Escape(c.Department.Name)}**", WeekTime.Day(c.Day, t), t[$"recommend_kind_{c.Kind.ToString().ToLowerInvariant()}"] };
        if (view.Nominated.Contains(c.ItemId)) parts.Add(t["recommend_nominated"]);
        if (view.Picked.Contains(c.ItemId)) parts.Add($"{PickMarks.Star} {t["recommend_picked"]}");
        return string.Join(" · ", parts);
    }

    private static JsonArray Choices(string all, IEnumerable<(string Title, string Value)> choices) =>
        new(new[] { (all, RecommendFilter.All) }.Concat(choices)
            .Select(c => (JsonNode)new JsonObject { ["title"] = c.Item1, ["value"] = c.Item2 }).ToArray());
}
