using System.Globalization;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Recommend;

/// <summary>Which candidates a card shows: one day or all, one department or all, and from which one on (the page).</summary>
public sealed record RecommendFilter(DateOnly? Day, string? DepartmentId, int From)
{
    /// <summary>The choice that means "no filter" in the card's day and department lists.</summary>
    public const string All = "all";

    public static RecommendFilter None { get; } = new(null, null, 0);

    /// <summary>
    /// The filter a card sent back (its lists and the page it asked for). Values the week does not know — a card of an
    /// older roster, a hand-made request — are read as "all", never trusted.
    /// </summary>
    public static RecommendFilter FromCard(FormInput input, ActiveWeek week)
    {
        DateOnly? day = DateOnly.TryParseExact(input.Trimmed("day"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && week.Calendar.IsWeekDay(d) ? d : null;
        var department = week.Department(input.Trimmed("department"))?.Id;
        var from = int.TryParse(input.Trimmed("from"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
        return new RecommendFilter(day, department, Math.Max(0, from));
    }

    public RecommendFilter At(int from) => this with { From = Math.Max(0, from) };
}
