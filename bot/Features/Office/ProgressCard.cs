using System.Globalization;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Office;

/// <summary>
/// cards/progress.json, "全部进度": counts for every item (plan, each day, statistics, summary) and a department × day grid.
/// Up to <see cref="FullGridDepartments"/> departments every one is shown; beyond that only departments with missing or late
/// reports, most problems first, as many as fit in the size budget — and the card says so.
/// </summary>
public sealed class ProgressCard(CardTemplates cards)
{
    public const string FullVerb = "progress.full";
    public const string ItemVerb = "progress.item";
    public const int FullGridDepartments = 25;
    /// <summary>Weeks longer than this many days show the last seven days up to today in the grid.</summary>
    private const int MaxGridDays = 10;
    private const int FirstTry = 60;

    /// <param name="backTo">The item the "who is missing" button opens (null: no button).</param>
    public JsonObject Render(WeekProgress snapshot, Strings t, WeekItem? backTo)
    {
        var week = snapshot.Week;
        var calendar = week.Calendar;
        var departments = week.Definition.Departments;
        var today = calendar.LocalDate(snapshot.Now);

        var items = calendar.Items.Select(snapshot.Item).ToList();
        var itemRows = items.Select(p => (JsonNode)ItemRow(p, snapshot.Now, calendar, t)).ToArray();

        var days = GridDays(calendar, today);
        var byDepartment = departments.Select((d, index) => Row(snapshot, d, index, days, t)).ToList();
        var problems = byDepartment.Where(r => r.Problems > 0).OrderByDescending(r => r.Problems).ThenBy(r => r.Index).ToList();
        var listed = departments.Count <= FullGridDepartments ? byDepartment : problems;
        var tableJson = t.AsJson();
        var dayColumns = new JsonArray(days.Select(d => (JsonNode)new JsonObject { ["label"] = OfficeFormat.DayColumn(d, t) }).ToArray());

        var (card, _) = CardBudget.Fit(listed.Count, FirstTry, limit =>
        {
            var note = departments.Count <= FullGridDepartments && limit >= listed.Count
                ? ""
                : problems.Count == 0 ? t.Format("office_grid_no_problems", departments.Count)
                : limit >= problems.Count && listed == problems ? t.Format("office_grid_problems", departments.Count, problems.Count)
                : t.Format("office_grid_capped", departments.Count, problems.Count, limit);
            if (days.Count < calendar.Days.Count) note = (note + " " + t.Format("office_grid_days_window", days.Count)).Trim();
            var shown = (limit >= listed.Count ? listed : listed.Where(r => r.Problems > 0).Take(limit)).ToList();
            return cards.Render("progress", new JsonObject
            {
                ["t"] = tableJson.DeepClone(),
                ["weekId"] = week.Definition.Id,
                ["itemKey"] = backTo?.Key ?? "",
                ["title"] = t.Format("office_progress_title", week.Definition.Title),
                ["subtitle"] = t.Format("office_progress_subtitle", FormTime.Range(calendar, t), departments.Count),
                ["items"] = new JsonArray(itemRows.Select(r => r.DeepClone()).ToArray()),
                ["gridNote"] = note,
                ["days"] = dayColumns.DeepClone(),
                ["rows"] = new JsonArray(shown.Select(r => r.Json.DeepClone()).ToArray()),
                ["asOf"] = OfficeFormat.AsOf(calendar, snapshot.Now, t),
            });
        });
        return card;
    }

    /// <summary>Feed / notification line: "2024年职业教育活动周：今日未交 3".</summary>
    public static string Summary(WeekProgress snapshot, Strings t)
    {
        var calendar = snapshot.Week.Calendar;
        var today = calendar.LocalDate(snapshot.Now);
        var missing = calendar.IsWeekDay(today)
            ? snapshot.Item(new WeekItem(ItemKind.DailyReport, today)).Departments.Count(d => d.Status == ItemStatus.Missing)
            : 0;
        return t.Format("office_summary_progress", snapshot.Week.Definition.Title, missing);
    }

    private static JsonObject ItemRow(ItemProgress p, DateTimeOffset now, WeekCalendar calendar, Strings t)
    {
        var missing = p.Departments.Count(d => d.Status == ItemStatus.Missing);
        return new JsonObject
        {
            ["title"] = FormItems.Title(p.Item, t),
            ["due"] = t.Format("office_due_short", FormTime.DateTime(p.Deadline, calendar, t)),
            ["onTime"] = Text(p.Departments.Count(d => d.Status == ItemStatus.OnTime)),
            ["late"] = Text(p.Departments.Count(d => d.Status is ItemStatus.Late or ItemStatus.MadeUp)),
            ["missing"] = Text(missing),
            ["missingColor"] = missing > 0 && now > p.Deadline ? "Attention" : "Default",
            ["exempt"] = Text(p.Departments.Count(d => d.Status == ItemStatus.Exempt)),
        };
    }

    private sealed record GridRow(int Index, int Problems, JsonObject Json);

    private static GridRow Row(WeekProgress snapshot, Department department, int index, IReadOnlyList<DateOnly> days, Strings t)
    {
        var problems = 0;
        var cells = new JsonArray();
        foreach (var day in days)
        {
            var p = snapshot.Department(department, new WeekItem(ItemKind.DailyReport, day));
            var (symbol, color) = p.Status switch
            {
                ItemStatus.OnTime => (t["office_cell_on_time"], "Good"),
                ItemStatus.Late => (t["office_cell_late"], "Warning"),
                ItemStatus.MadeUp => (t["office_cell_made_up"], "Warning"),
                ItemStatus.Exempt => (t["office_cell_exempt"], "Accent"),
                _ when p.Overdue => (t["office_cell_overdue"], "Attention"),
                _ => (t["office_cell_open"], "Default"),
            };
            if (p.Overdue || p.Status is ItemStatus.Late or ItemStatus.MadeUp) problems++;
            cells.Add(new JsonObject { ["s"] = symbol, ["c"] = color });
        }
        var plan = snapshot.Department(department, new WeekItem(ItemKind.Plan));
        if (plan.Overdue) problems++;
        return new GridRow(index, problems, new JsonObject { ["name"] = department.Name, ["cells"] = cells });
    }

    /// <summary>Every day of the week; for a long week the last seven days up to today.</summary>
    private static IReadOnlyList<DateOnly> GridDays(WeekCalendar calendar, DateOnly today)
    {
        if (calendar.Days.Count <= MaxGridDays) return calendar.Days;
        var end = calendar.Days.LastOrDefault(d => d <= today);
        if (end == default) end = calendar.Days[6];
        return calendar.Days.Where(d => d <= end).TakeLast(7).ToList();
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
