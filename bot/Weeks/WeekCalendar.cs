using System.Globalization;

namespace VocEdWeek.Bot.Weeks;

/// <summary>
/// Deadlines and days of a week, computed in the week's own time zone. The server clock is UTC;
/// every comparison here is between instants, and local dates are derived with the week's zone.
/// </summary>
public sealed class WeekCalendar
{
    public WeekCalendar(WeekDefinition week)
    {
        Week = week;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(week.TimeZone);
        ReportTime = TimeOnly.ParseExact(week.Deadlines.DailyReport, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture);
        Days = Enumerable.Range(0, week.End.DayNumber - week.Start.DayNumber + 1).Select(week.Start.AddDays).ToList();
        PlanDeadline = LocalOrDefault(week.Deadlines.Plan, week.Start.ToDateTime(ReportTime));
        var afterWeek = week.End.AddDays(1).ToDateTime(new TimeOnly(17, 30));
        StatisticsDeadline = LocalOrDefault(week.Deadlines.Statistics, afterWeek);
        SummaryDeadline = LocalOrDefault(week.Deadlines.Summary, afterWeek);
        Opens = ToInstant(week.Start.ToDateTime(TimeOnly.MinValue));
        var lastReport = ToInstant(week.End.ToDateTime(ReportTime));
        LastDeadline = new[] { lastReport, PlanDeadline, StatisticsDeadline, SummaryDeadline }.Max();
    }

    /// <summary>Midnight starting the first day, in the week's zone.</summary>
    public DateTimeOffset Opens { get; }

    /// <summary>The latest of all the week's deadlines (usually the statistics table and the summary).</summary>
    public DateTimeOffset LastDeadline { get; }

    public WeekDefinition Week { get; }
    public TimeZoneInfo Zone { get; }
    public TimeOnly ReportTime { get; }
    public IReadOnlyList<DateOnly> Days { get; }
    public DateTimeOffset PlanDeadline { get; }
    public DateTimeOffset StatisticsDeadline { get; }
    public DateTimeOffset SummaryDeadline { get; }

    public IEnumerable<WeekItem> Items =>
        new[] { new WeekItem(ItemKind.Plan) }
            .Concat(Days.Select(d => new WeekItem(ItemKind.DailyReport, d)))
            .Append(new WeekItem(ItemKind.Statistics))
            .Append(new WeekItem(ItemKind.Summary));

    public DateTimeOffset DeadlineOf(WeekItem item) => item.Kind switch
    {
        ItemKind.Plan => PlanDeadline,
        // Remembered per day: progress answers ask this for every department and item (thousands of zone conversions).
        ItemKind.DailyReport => _reportDeadlines.GetOrAdd(item.Day!.Value, (day, c) => c.ToInstant(day.ToDateTime(c.ReportTime)), this),
        ItemKind.Statistics => StatisticsDeadline,
        _ => SummaryDeadline,
    };

    private readonly System.Collections.Concurrent.ConcurrentDictionary<DateOnly, DateTimeOffset> _reportDeadlines = new();

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    public DateTimeOffset ToInstant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    public bool IsWeekDay(DateOnly day) => day >= Week.Start && day <= Week.End;

    private DateTimeOffset LocalOrDefault(string? value, DateTime fallback) =>
        ToInstant(value is null ? fallback : DateTime.ParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None));
}
