using System.Globalization;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// The Wuxi week's dates and office with any number of departments: one liaison each (with an Entra id),
/// and with <c>backups</c> every fifth department also a backup known only by e-mail.
/// </summary>
public static class GeneratedWeeks
{
    public const string StaffAad = "0ff1ce00-0000-4000-8000-000000000001";

    public static WeekDefinition WithDepartments(int count, string locale = "zh-CN", bool backups = true) => new()
    {
        Id = $"gen-{count}",
        Title = locale.StartsWith("en", StringComparison.Ordinal) ? "2024 Vocational Education Week" : "2024年职业教育活动周",
        Theme = "一技在手，一生无忧",
        TimeZone = "Asia/Shanghai",
        Locale = locale,
        Start = new DateOnly(2024, 5, 12),
        End = new DateOnly(2024, 5, 18),
        Deadlines = new WeekDeadlines { Plan = "2024-05-12T12:00", DailyReport = "12:00", Statistics = "2024-05-19T17:30", Summary = "2024-05-19T17:30" },
        Office = new OfficeInfo
        {
            Name = "教务处",
            Staff = [new Person { Name = "吴苏玲", Email = "wusuling@college.example.edu.cn", AadObjectId = StaffAad }],
        },
        Departments = Enumerable.Range(1, count).Select(i => Department(i, backups)).ToList(),
    };

    public static string AadOf(int department, int person = 0) =>
        $"d{department:D7}-0000-4000-8000-{person:D12}";

    private static Department Department(int i, bool backups)
    {
        var id = i.ToString("D4", CultureInfo.InvariantCulture);
        var liaisons = new List<Person>
        {
            new() { Name = $"联络员{id}", Email = $"liaison{id}@college.example.edu.cn", AadObjectId = AadOf(i) },
        };
        if (backups && i % 5 == 0) liaisons.Add(new Person { Name = $"备份{id}", Email = $"backup{id}@college.example.edu.cn", Backup = true });
        return new Department { Id = $"d{id}", Name = $"第{id}系（智能制造与信息技术）", Liaisons = liaisons };
    }
}
