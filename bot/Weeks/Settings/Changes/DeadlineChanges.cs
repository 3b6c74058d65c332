using System.Globalization;

namespace VocEdWeek.Bot.Weeks.Settings.Changes;

/// <summary>Moves the plan, statistics or summary deadline (a local date-time in the week's zone).</summary>
public sealed record MoveDeadline(ItemKind Item, DateTime Local) : WeekChange
{
    public override string Kind => "deadline.move";

    public override WeekDefinition Apply(WeekDefinition week)
    {
        var value = Local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var deadlines = Item switch
        {
            ItemKind.Plan => week.Deadlines with { Plan = value },
            ItemKind.Statistics => week.Deadlines with { Statistics = value },
            ItemKind.Summary => week.Deadlines with { Summary = value },
            _ => throw new WeekChangeRefused("settings_bad_item"),
        };
        return week with { Deadlines = deadlines };
    }

    public override (string, string, string) Describe(WeekDefinition before)
    {
        var calendar = new WeekCalendar(before);
        var old = calendar.ToLocal(calendar.DeadlineOf(new WeekItem(Item)));
        return (Item.ToString(), old.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
    }
}

/// <summary>The time of day each day's report is due (12:00 in the notices).</summary>
public sealed record SetReportTime(TimeOnly Time) : WeekChange
{
    public override string Kind => "deadline.dailyReport";

    public override WeekDefinition Apply(WeekDefinition week) =>
        week with { Deadlines = week.Deadlines with { DailyReport = Time.ToString("HH:mm", CultureInfo.InvariantCulture) } };

    public override (string, string, string) Describe(WeekDefinition before) =>
        (nameof(ItemKind.DailyReport), before.Deadlines.DailyReport, Time.ToString("HH:mm", CultureInfo.InvariantCulture));
}
