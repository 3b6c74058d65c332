using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Recommend;

/// <summary>
/// Everything one candidates card shows: whose card it is (the office's 择优推荐 or a liaison's 自荐), the candidates after
/// the filter, what is picked and nominated now, and a receipt or problem to say on top.
/// </summary>
public sealed record RecommendView(
    ActiveWeek Week,
    PickSource Source,
    IReadOnlyList<Candidate> Candidates,
    RecommendFilter Filter,
    IReadOnlySet<string> Picked,
    IReadOnlySet<string> Nominated,
    string? DepartmentName = null,
    string Notice = "",
    bool NoticeIsProblem = false)
{
    public bool ForOffice => Source == PickSource.Office;

    /// <summary>The office sees the liaisons' nominations first; otherwise the reader's order (day, department, kind).</summary>
    public IReadOnlyList<Candidate> Ordered =>
        ForOffice ? Candidates.OrderBy(c => Nominated.Contains(c.ItemId) ? 0 : 1).ToList() : Candidates;

    /// <summary>Toggled on: the office's own picks on its card, the department's nominations on a liaison's.</summary>
    public bool IsOn(Candidate c) => (ForOffice ? Picked : Nominated).Contains(c.ItemId);
}
