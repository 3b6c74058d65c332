using System.Text.Json.Nodes;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Features.Plan;
using VocEdWeek.Bot.Features.Summary;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Exports.Writers;

/// <summary>What the exports read, from the stores as they are now.</summary>
public sealed class ExportSource(ISubmissionStore submissions, IMediaStore media, ProgressService progress, IPickStore picks)
{
    public ExportRun Start(ActiveWeek week) =>
        new(week, submissions, media, progress.ForWeek(week), submissions.Times(week.Definition.Id), PickMarks.Of(picks, week.Definition.Id));
}

/// <summary>
/// One export's view of a week: statuses from one progress snapshot (times only, kept in memory by the store), and
/// the departments one at a time with their current submissions and files — never every record of the week at once.
/// </summary>
public sealed class ExportRun(
    ActiveWeek week, ISubmissionStore submissions, IMediaStore media, WeekProgress progress,
    IReadOnlyDictionary<(string Department, string Item), SubmissionTimes> times, PickMarks marks)
{
    public ActiveWeek Week { get; } = week;

    /// <summary>The office's active picks when the export started (★ 推荐 in the summary and media index, 推荐数).</summary>
    public PickMarks Marks { get; } = marks;

    public WeekCalendar Calendar => Week.Calendar;

    public DateTimeOffset Now => progress.Now;

    public IReadOnlyList<Department> DepartmentList => Week.Definition.Departments;

    /// <summary>
    /// Each department with its current submissions, read when the caller gets to it: only the given items (one index
    /// seek each) when the export needs no more, else all of the department's items.
    /// </summary>
    public IEnumerable<DepartmentRecords> Departments(CancellationToken ct, params WeekItem[] only)
    {
        var number = 0;
        var weekId = Week.Definition.Id;
        foreach (var department in Week.Definition.Departments)
        {
            ct.ThrowIfCancellationRequested();
            IReadOnlyList<Submission> current = only.Length == 0
                ? submissions.CurrentOfDepartment(weekId, department.Id)
                : [.. only.Select(item => submissions.Current(weekId, department.Id, item.Key)).OfType<Submission>()];
            yield return new DepartmentRecords(department, ++number, current);
        }
    }

    /// <summary>The department's received files (refused ones were never kept), in the order they came.</summary>
    public IReadOnlyList<MediaRecord> Media(Department department) =>
        media.OfDepartment(Week.Definition.Id, department.Id).Where(m => m.State != MediaState.Refused).ToList();

    public DepartmentProgress Status(Department department, WeekItem item) => progress.Department(department, item);

    public int Versions(Department department, WeekItem item) =>
        times.TryGetValue((department.Id, item.Key), out var t) ? t.Versions : 0;

    /// <summary>A stored UTC time as a local date-time of the week's zone (what the sheets show).</summary>
    public DateTime Local(DateTimeOffset instant) => Calendar.ToLocal(instant).DateTime;

    public DateTime Local(DateTime storedUtc) => Local(WeekTime.Instant(storedUtc));
}

/// <summary>One department's current submissions, parsed on demand.</summary>
public sealed class DepartmentRecords(Department department, int number, IReadOnlyList<Submission> current)
{
    private JsonObject? _statistics;

    public Department Department { get; } = department;

    /// <summary>1-based position in the week file (序号).</summary>
    public int Number { get; } = number;

    public Submission? Of(WeekItem item) => current.FirstOrDefault(s => s.ItemKey == item.Key);

    public PlanData? Plan => Of(new WeekItem(ItemKind.Plan)) is { } s ? FormJson.Deserialize<PlanData>(s.Data) : null;

    public SummaryData? Summary => Of(new WeekItem(ItemKind.Summary)) is { } s ? FormJson.Deserialize<SummaryData>(s.Data) : null;

    public DailyReportData? Report(DateOnly day) => Of(new WeekItem(ItemKind.DailyReport, day)) is { } s ? FormJson.Deserialize<DailyReportData>(s.Data) : null;

    /// <summary>A statistics field as stored (whole numbers); null when the table was not submitted or lacks it.</summary>
    public long? Statistic(string field)
    {
        if (Of(new WeekItem(ItemKind.Statistics)) is not { } s) return null;
        _statistics ??= JsonNode.Parse(s.Data) as JsonObject ?? [];
        return _statistics[field] is JsonValue v && v.TryGetValue<long>(out var n) ? n
            : _statistics[field] is JsonValue d && d.TryGetValue<double>(out var x) ? (long)x : null;
    }
}
