using System.Text.Json;
using VocEdWeek.Bot.Features.WeekSetup.Notice;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.WeekSetup.Notice;

/// <summary>A draft becomes a week definition in the week file's own formats, which the week loader accepts.</summary>
public sealed class WeekDraftTests
{
    private static readonly OfficeInfo Office = new() { Name = "办公室", Staff = [new Person { Name = "吴苏玲", Email = "wusuling@college.example.edu.cn" }] };

    [Fact]
    public void The_2024_draft_becomes_the_week_file_fields()
    {
        var week = SeedNotices.Expected(SeedNotices.Wuxi2024).ToDefinition("2024-wuxi", Office);
        Assert.Equal(("2024-wuxi", "2024年职业教育活动周", "一技在手，一生无忧", (string?)null), (week.Id, week.Title, week.Theme, week.School));
        Assert.Equal((new DateOnly(2024, 5, 12), new DateOnly(2024, 5, 18)), (week.Start, week.End));
        Assert.Equal(new WeekDeadlines { Plan = "2024-05-12T12:00", DailyReport = "12:00", Statistics = "2024-05-19T17:30", Summary = "2024-05-19T17:30" }, week.Deadlines);
        Assert.Equal("教务处", week.Office.Name);
        Assert.Same(Office.Staff, week.Office.Staff);
        Assert.Empty(week.Departments);
    }

    [Fact]
    public void The_notices_office_name_replaces_the_given_one_and_its_absence_keeps_it()
    {
        var draft = SeedNotices.Expected(SeedNotices.Shandong2020);
        var week = draft.ToDefinition("2020-shandong", Office);
        Assert.Equal(new WeekDeadlines { Plan = "2020-11-05T17:30", DailyReport = "12:00", Statistics = "2020-11-20T17:30", Summary = "2020-11-20T17:30" }, week.Deadlines);
        Assert.Equal("省教育厅职业教育处", week.Office.Name);
        Assert.Same(Office, (draft with { Office = null }).ToDefinition("2020-shandong", Office).Office);
    }

    [Theory]
    [InlineData(SeedNotices.Wuxi2024)]
    [InlineData(SeedNotices.Shandong2020)]
    public void The_definition_saved_as_json_loads_as_a_week_file(string seed)
    {
        var week = SeedNotices.Expected(seed).ToDefinition(seed, Office) with
        {
            Departments = [new Department { Id = "d1", Name = "机电学院", Liaisons = [new Person { Name = "张三", Email = "zhangsan@college.example.edu.cn" }] }],
        };
        var loaded = WeekLoader.Parse(JsonSerializer.SerializeToUtf8Bytes(week, new JsonSerializerOptions(JsonSerializerDefaults.Web)), seed + ".json");
        Assert.Equal((week.Title, week.Start, week.End, week.Deadlines), (loaded.Title, loaded.Start, loaded.End, loaded.Deadlines));
    }

    [Fact]
    public void A_draft_without_its_days_cannot_become_a_week()
    {
        var draft = NoticeParser.Parse("主题：一技在手，一生无忧。", SeedNotices.Options);
        Assert.Equal([WeekDraftFields.Title, WeekDraftFields.Start, WeekDraftFields.End], draft.MissingRequired);
        var error = Assert.Throws<InvalidOperationException>(() => draft.ToDefinition("x", Office));
        Assert.Contains("Start", error.Message, StringComparison.Ordinal);
    }
}
