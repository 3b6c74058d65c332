using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Weeks;

/// <summary>The server clock is UTC; 12:00 and midnight are Beijing's (UTC+8).</summary>
public sealed class StatusBoundaryTests
{
    private static readonly WeekCalendar Calendar = new(WeekLoader.Load(Path.Combine(RepoPaths.Samples, "2024-wuxi.json")));
    private static readonly WeekItem May14 = new(ItemKind.DailyReport, new DateOnly(2024, 5, 14));

    [Theory]
    [InlineData("2024-05-14T03:59:59Z", ItemStatus.OnTime)]   // 11:59:59 Beijing
    [InlineData("2024-05-14T04:00:00Z", ItemStatus.OnTime)]   // 12:00:00 exactly counts
    [InlineData("2024-05-14T04:00:01Z", ItemStatus.Late)]     // 12:00:01
    [InlineData("2024-05-14T15:59:59Z", ItemStatus.Late)]     // 23:59:59 same day
    [InlineData("2024-05-14T16:00:01Z", ItemStatus.MadeUp)]   // 00:00:01 next day in Beijing, still the 14th in UTC
    [InlineData("2024-05-13T20:00:00Z", ItemStatus.OnTime)]   // 04:00 on the 14th in Beijing, the 13th in UTC
    public void Daily_report_status_follows_Beijing_time(string firstSubmitted, ItemStatus expected) =>
        Assert.Equal(expected, StatusCalculator.Of(Calendar, May14, DateTimeOffset.Parse(firstSubmitted, System.Globalization.CultureInfo.InvariantCulture), exempt: false));

    [Fact]
    public void Exempt_wins_and_missing_is_missing()
    {
        Assert.Equal(ItemStatus.Exempt, StatusCalculator.Of(Calendar, May14, null, exempt: true));
        Assert.Equal(ItemStatus.Missing, StatusCalculator.Of(Calendar, May14, null, exempt: false));
    }

    [Theory]
    [InlineData("2024-05-14T03:59:00Z", false)]
    [InlineData("2024-05-14T04:00:01Z", true)]
    public void Overdue_starts_after_the_deadline(string now, bool overdue) =>
        Assert.Equal(overdue, StatusCalculator.IsOverdue(Calendar, May14, ItemStatus.Missing, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2024-05-19T09:30:00Z", ItemStatus.OnTime)]  // 17:30 on the 19th
    [InlineData("2024-05-19T09:31:00Z", ItemStatus.Late)]
    [InlineData("2024-05-20T01:00:00Z", ItemStatus.MadeUp)]
    public void Statistics_due_end_of_work_the_day_after(string at, ItemStatus expected) =>
        Assert.Equal(expected, StatusCalculator.Of(Calendar, new WeekItem(ItemKind.Statistics), DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), false));

    [Fact]
    public void Local_date_of_an_instant_uses_the_week_zone() =>
        Assert.Equal(new DateOnly(2024, 5, 15), Calendar.LocalDate(DateTimeOffset.Parse("2024-05-14T16:30:00Z", System.Globalization.CultureInfo.InvariantCulture)));
}
