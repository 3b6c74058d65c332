using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Recommendations;

/// <summary>
/// The office's active picks of one week, read once per answer, for the ★ that the progress cards, the digest and the
/// dashboard put on picked items. Nominations (自荐) are not picks: they get no star until the office picks them.
/// </summary>
public sealed class PickMarks
{
    /// <summary>The mark itself, the same on every card and page.</summary>
    public const string Star = "★";

    private readonly HashSet<string> _items;
    private readonly IReadOnlyList<Pick> _picks;

    private PickMarks(IReadOnlyList<Pick> picks)
    {
        _picks = picks;
        _items = picks.Select(p => p.ItemId).ToHashSet(StringComparer.Ordinal);
    }

    public static PickMarks Of(IPickStore store, string weekId) =>
        new(store.Active(weekId).Where(p => p.Source == PickSource.Office).ToList());

    public static PickMarks None { get; } = new([]);

    public bool Has(string departmentId, string itemKey, PickKind kind, string? mediaId = null) =>
        _items.Contains(Pick.ItemIdOf(departmentId, itemKey, kind, mediaId));

    /// <summary>The picks of one department's report day (its texts and its media).</summary>
    public IReadOnlyList<Pick> ForDay(string departmentId, string itemKey) =>
        _picks.Where(p => p.DepartmentId == departmentId && p.ItemKey == itemKey).ToList();

    /// <summary>How many items of a report day, all departments, are picked.</summary>
    public int CountOf(string itemKey) => _picks.Count(p => p.ItemKey == itemKey);

    public int Count => _picks.Count;

    /// <summary>How many of one department's items are picked (情况统计表's 推荐数).</summary>
    public int CountOfDepartment(string departmentId) => _picks.Count(p => p.DepartmentId == departmentId);

    /// <summary>
    /// "★ 已推荐：机电工程学院（典型活动案例、照片 2）、信息工程学院（典型职教故事）" for one report day, in the week's order of
    /// departments; "" when nothing of that day is picked.
    /// </summary>
    public string Describe(ActiveWeek week, string itemKey, Strings t)
    {
        var parts = new List<string>();
        foreach (var department in week.Definition.Departments)
        {
            var kinds = ForDay(department.Id, itemKey).GroupBy(p => p.Kind).OrderBy(g => g.Key).Select(g =>
            {
                var name = t[$"recommend_kind_{g.Key.ToString().ToLowerInvariant()}"];
                return g.Key is PickKind.Photo or PickKind.Video ? $"{name} {g.Count()}" : name;
            }).ToList();
            if (kinds.Count > 0) parts.Add($"{department.Name}（{string.Join(t["list_separator"], kinds)}）");
        }
        return parts.Count == 0 ? "" : t.Format("recommend_progress_picked", string.Join(t["list_separator"], parts));
    }
}
