using System.Globalization;
using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Features.Reminders;

/// <summary>
/// When reminders go out for a week: the configured local times per item (defaults: report days 09:00,
/// 11:00, 11:45; the plan the day before its deadline at 16:00 and that morning at 09:00; statistics and
/// summary 09:00 and 15:00 on the due day), and one late notice after each deadline. Reminders for the
/// same moment are one slot, so a liaison gets one message listing everything due. Also defines the
/// week's window: from the first reminder to the last deadline's late notice.
/// </summary>
public sealed class ReminderPlan(ReminderOptions options, SchedulingOptions scheduling) : IScheduleWindow
{
    public const string Source = "reminders";
    private static readonly string[] DefaultReport = ["09:00", "11:00", "11:45"];
    private static readonly string[] DefaultPlan = ["-1d 16:00", "09:00"];
    private static readonly string[] DefaultDue = ["09:00", "15:00"];

    private readonly IReadOnlyDictionary<ItemKind, IReadOnlyList<ReminderTime>> _times = new Dictionary<ItemKind, IReadOnlyList<ReminderTime>>
    {
        [ItemKind.DailyReport] = Parse(options.Schedule.DailyReport ?? DefaultReport, "Reminders:Schedule:DailyReport"),
        [ItemKind.Plan] = Parse(options.Schedule.Plan ?? DefaultPlan, "Reminders:Schedule:Plan"),
        [ItemKind.Statistics] = Parse(options.Schedule.Statistics ?? DefaultDue, "Reminders:Schedule:Statistics"),
        [ItemKind.Summary] = Parse(options.Schedule.Summary ?? DefaultDue, "Reminders:Schedule:Summary"),
    };

    public IReadOnlyList<ScheduledSlot> Slots(ActiveWeek week)
    {
        var calendar = week.Calendar;
        var moments = new List<(string Kind, DateTimeOffset At, WeekItem Item, DateTimeOffset Deadline)>();
        foreach (var item in calendar.Items)
        {
            var deadline = calendar.DeadlineOf(item);
            var day = calendar.LocalDate(deadline);
            foreach (var time in _times[item.Kind])
            {
                var at = calendar.ToInstant(day.AddDays(time.DayOffset).ToDateTime(time.Time));
                if (at < deadline) moments.Add(("remind", at, item, deadline));
            }
            if (options.LateNoticeAfter > TimeSpan.Zero) moments.Add(("late", deadline + options.LateNoticeAfter, item, deadline));
        }
        return moments
            .GroupBy(m => (m.Kind, m.At))
            .Select(g =>
            {
                var local = calendar.ToLocal(g.Key.At).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
                // A reminder is useful only before its deadline: its grace ends there at the latest.
                var grace = g.Key.Kind == "remind"
                    ? Min(scheduling.GracePeriod, g.Min(m => m.Deadline) - g.Key.At)
                    : scheduling.GracePeriod;
                return new ScheduledSlot($"{week.Definition.Id}|{g.Key.Kind}|{local}", Source, g.Key.At, grace, g.Select(m => m.Item).ToList()) { Kind = g.Key.Kind };
            })
            .OrderBy(s => s.At)
            .ToList();
    }

    public (DateTimeOffset From, DateTimeOffset To) Of(ActiveWeek week)
    {
        var calendar = week.Calendar;
        var last = calendar.StatisticsDeadline > calendar.SummaryDeadline ? calendar.StatisticsDeadline : calendar.SummaryDeadline;
        var to = last + (options.LateNoticeAfter > TimeSpan.Zero ? options.LateNoticeAfter : TimeSpan.Zero);
        var slots = Slots(week);
        var from = slots.Count > 0 ? slots.Min(s => s.At) : calendar.ToInstant(calendar.Week.Start.ToDateTime(TimeOnly.MinValue));
        return (from, to);
    }

    private static IReadOnlyList<ReminderTime> Parse(string[] values, string key) => values.Select(v => ReminderTime.Parse(v, key)).ToList();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
