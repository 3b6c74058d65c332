using System.Text;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Weeks;

public sealed class WeekLoaderTests
{
    [Theory]
    [InlineData("2024-wuxi.json", "2024-wuxi", 5, "2024-05-12", "2024-05-18")]
    [InlineData("2020-shandong.json", "2020-shandong", 5, "2020-11-08", "2020-11-14")]
    public void Sample_weeks_load(string file, string id, int departments, string start, string end)
    {
        var week = WeekLoader.Load(Path.Combine(RepoPaths.Samples, file));
        Assert.Equal(id, week.Id);
        Assert.Equal(departments, week.Departments.Count);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), week.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), week.End);
        Assert.Equal(7, new WeekCalendar(week).Days.Count);
    }

    [Fact]
    public void Wuxi_deadlines_are_Beijing_time_as_instants()
    {
        var calendar = new WeekCalendar(WeekLoader.Load(Path.Combine(RepoPaths.Samples, "2024-wuxi.json")));
        Assert.Equal(DateTimeOffset.Parse("2024-05-12T04:00:00Z", System.Globalization.CultureInfo.InvariantCulture), calendar.PlanDeadline);
        Assert.Equal(DateTimeOffset.Parse("2024-05-19T09:30:00Z", System.Globalization.CultureInfo.InvariantCulture), calendar.StatisticsDeadline);
        Assert.Equal(DateTimeOffset.Parse("2024-05-14T04:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            calendar.DeadlineOf(new WeekItem(ItemKind.DailyReport, new DateOnly(2024, 5, 14))));
    }

    [Theory]
    [InlineData("\"start\": \"2024-05-12\"", "\"start\": \"2024-13-45\"", "line 8", "start")]
    [InlineData("\"timeZone\": \"Asia/Shanghai\"", "\"timeZone\": \"Mars/Olympus\"", "line 6", "timeZone")]
    [InlineData("\"dailyReport\": \"12:00\"", "\"dailyReport\": \"noon\"", "line 12", "deadlines.dailyReport")]
    [InlineData("\"email\": \"lina@college.example.edu.cn\"", "\"email\": \"not-an-email\"", "line 26", "departments[1].liaisons[0].email")]
    [InlineData("{ \"id\": \"jg\",", "{ \"id\": \"jd\",", "line 27", "departments[2].id")]
    [InlineData("\"name\": \"设计艺术学院\",", "\"name\": \"\",", "line 32", "departments[4].name")]
    [InlineData("\"end\": \"2024-05-18\"", "\"end\": \"2024-05-01\"", "line 9", "end")]
    [InlineData("\"id\": \"2024-wuxi\",", "\"id\": \"2024-wuxi\",,", "line 2", "")]
    public void Broken_file_names_the_line_and_field(string find, string replace, string line, string field)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Samples, "2024-wuxi.json"));
        Assert.Contains(find, text, StringComparison.Ordinal);
        var broken = Encoding.UTF8.GetBytes(text.Replace(find, replace, StringComparison.Ordinal));
        var ex = Assert.Throws<ConfigurationException>(() => WeekLoader.Parse(broken, "broken.json"));
        Assert.Contains("broken.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains(line + ",", ex.Message + ",", StringComparison.Ordinal);
        if (field.Length > 0) Assert.Contains($"field {field}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_a_configuration_error() =>
        Assert.Contains("Week:DefinitionFile", Assert.Throws<ConfigurationException>(() => WeekLoader.Load("/nonexistent/week.json")).Message, StringComparison.Ordinal);
}
