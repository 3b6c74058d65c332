using System.Globalization;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Localization;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Office;

/// <summary>
/// cards/progress.json, "全部进度": counts for every item (plan, each day, statistics, summary) and a department × day grid.
/// Up to <see cref="FullGridDepartments"/> departments every one is shown; beyond that only departments with missing or late
/// reports, most problems first, as many as fit in the size budget — and the card says so.
/// </summary>
public sealed class ProgressCard(CardTemplates cards, IPickStore picks)
{
    public const string FullVerb = "progress.full";
    public const string ItemVerb = "progress.item";
    public const int FullGridDepartments = 25;
    /// <summary>Weeks longer than this many days show the last seven days up to today in the grid.</summary>
    private const int MaxGridDays = 10;
    private const int FirstTry = 60;
    /// <summary>Sizes the cut; the data's lists that grow with the rows shown.</summary>
    private readonly CardSizeModel _sizes = new(cards, "progress", ["rows"]);

    /// <param name="backTo">The item the "who is missing" button opens (null: no button).</param>
    public JsonObject Render(WeekProgress snapshot, Strings t, WeekItem? backTo) => Compose(snapshot, t, backTo).Card;

    public RenderedCard Compose(WeekProgress snapshot, Strings t, WeekItem? backTo) => Compose(snapshot, t, backTo, false);

    /// <param name="renderEveryTry">Fit the old way (<see cref="CardBudget.FitByRendering"/>): the tests' reference.</param>
    internal RenderedCard Compose(WeekProgress snapshot, Strings t, WeekItem? backTo, bool renderEveryTry)
    {
        var week = snapshot.Week;
        var calendar = week.Calendar;
        var departments = week.Definition.Departments;
        var today = calendar.LocalDate(snapshot.Now);

        var items = calendar.Items.Select(snapshot.Item).ToList();
        // ★: a day with picked items (择优推荐) says how many in its row, a department's picked day says so in its cell.
        var marks = PickMarks.Of(picks, week.Definition.Id);
        var itemRows = items.Select(p => (JsonNode)ItemRow(p, snapshot.Now, calendar, t, marks.CountOf(p.Item.Key))).ToArray();

        var days = GridDays(calendar, today);
        // The grid reuses the statuses just computed for the item rows (one pass over the week).
        var byKey = items.ToDictionary(p => p.Item.Key, p => p.Departments);
        var dayColumnsStatus = days.Select(d => byKey[new WeekItem(ItemKind.DailyReport, d).Key]).ToList();
        var byDepartment = departments.Select((d, index) => Row(d, index, dayColumnsStatus.Select(c => c[index]))).ToList();
        var problems = byDepartment.Where(r => r.Problems > 0).OrderByDescending(r => r.Problems).ThenBy(r => r.Index).ToList();
        var listed = departments.Count <= FullGridDepartments ? byDepartment : problems;
        var dayColumns = new JsonArray(days.Select(d => (JsonNode)new JsonObject { ["label"] = OfficeFormat.DayColumn(d, t) }).ToArray());

        JsonObject Data(int limit)
        {
            var note = departments.Count <= FullGridDepartments && limit >= listed.Count
                ? ""
                : problems.Count == 0 ? t.Format("office_grid_no_problems", departments.Count)
                : limit >= problems.Count && listed == problems ? t.Format("office_grid_problems", departments.Count, problems.Count)
                : t.Format("office_grid_capped", departments.Count, problems.Count, limit);
            if (days.Count < calendar.Days.Count) note = (note + " " + t.Format("office_grid_days_window", days.Count)).Trim();
            var shown = (limit >= listed.Count ? listed : listed.Where(r => r.Problems > 0).Take(limit)).ToList();
            return new JsonObject
            {
                ["weekId"] = week.Definition.Id,
                ["itemKey"] = backTo?.Key ?? "",
                ["title"] = t.Format("office_progress_title", week.Definition.Title),
                ["subtitle"] = t.Format("office_progress_subtitle", WeekTime.Range(calendar, t), departments.Count),
                ["items"] = new JsonArray(itemRows.Select(r => r.DeepClone()).ToArray()),
                ["gridNote"] = note,
                ["days"] = dayColumns.DeepClone(),
                ["rows"] = new JsonArray(shown.Select(r => (JsonNode)RowJson(r, t, marks)).ToArray()),
                ["asOf"] = OfficeFormat.AsOf(calendar, snapshot.Now, t),
            };
        }
        return renderEveryTry
            ? CardBudget.FitByRendering(cards, "progress", t, listed.Count, FirstTry, Data)
            : CardBudget.Fit(cards, "progress", t, listed.Count, FirstTry, _sizes, Data);
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

    private static JsonObject ItemRow(ItemProgress p, DateTimeOffset now, WeekCalendar calendar, Strings t, int picked)
    {
        var missing = p.Departments.Count(d => d.Status == ItemStatus.Missing);
        var onTime = p.Departments.Count(d => d.Status == ItemStatus.OnTime);
        var late = p.Departments.Count(d => d.Status is ItemStatus.Late or ItemStatus.MadeUp);
        return new JsonObject
        {
            ["title"] = picked > 0 ? $"{ItemNames.Title(p.Item, t)} {PickMarks.Star}{picked}" : ItemNames.Title(p.Item, t),
            // A day's report is due at noon of its own day; only the plan, statistics and summary need their date.
            ["due"] = p.Item.Kind == ItemKind.DailyReport ? "" : t.Format("office_due_short", WeekTime.DateTime(p.Deadline, calendar, t)),
            ["onTime"] = Text(onTime),
            ["onTimeColor"] = onTime > 0 ? "Good" : "Default",
            ["late"] = Text(late),
            ["lateColor"] = late > 0 ? "Warning" : "Default",
            ["missing"] = Text(missing),
            ["missingColor"] = missing > 0 && now > p.Deadline ? "Attention" : "Default",
            ["exempt"] = Text(p.Departments.Count(d => d.Status == ItemStatus.Exempt)),
        };
    }

    /// <summary>A department's daily reports; problems are overdue or late reports (the plan has its own row in the item counts).</summary>
    private sealed record GridRow(Department Department, int Index, int Problems, DepartmentProgress[] Days);

    // Only the problems are counted for every department; a row's cells are built for the few rows the card shows
    // (a 1,000-department week shows under a hundred).
    private static GridRow Row(Department department, int index, IEnumerable<DepartmentProgress> days)
    {
        var cells = days.ToArray();
        var problems = cells.Count(p => p.Overdue || p.Status is ItemStatus.Late or ItemStatus.MadeUp);
        return new GridRow(department, index, problems, cells);
    }

    private static JsonObject RowJson(GridRow row, Strings t, PickMarks marks)
    {
        var cells = new JsonArray();
        foreach (var p in row.Days)
        {
            var (symbol, color) = p.Status switch
            {
                ItemStatus.OnTime => (t["office_cell_on_time"], "Good"),
                ItemStatus.Late => (t["office_cell_late"], "Warning"),
                ItemStatus.MadeUp => (t["office_cell_made_up"], "Warning"),
                ItemStatus.Exempt => (t["office_cell_exempt"], "Accent"),
                _ when p.Overdue => (t["office_cell_overdue"], "Attention"),
                _ => (t["office_cell_open"], "Default"),
            };
            if (marks.ForDay(row.Department.Id, p.Item.Key).Count > 0) symbol += PickMarks.Star;
            cells.Add(new JsonObject { ["s"] = symbol, ["c"] = color });
        }
        return new JsonObject { ["name"] = row.Department.Name, ["cells"] = cells };
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
