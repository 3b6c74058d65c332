using System.Text.Json;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.Office;

/// <summary>
/// Week files with many departments (the 2024 Wuxi dates and office, generated departments with one or two liaisons each)
/// and realistic submissions: most on time, some late or made up, a few missing, today's still coming in. Deterministic.
/// Shared with the office benchmark (linked into tests/VocEdWeek.Bot.Bench.Office).
/// </summary>
public static class SampleWeeks
{
    private static readonly string[] Colleges =
    [
        "机电工程学院", "信息工程学院", "经济管理学院", "建筑工程学院", "设计艺术学院", "汽车工程学院", "智能制造学院", "商贸学院",
        "护理学院", "旅游与酒店管理学院", "现代农业学院", "化学工程学院", "电子信息学院", "外国语学院", "马克思主义学院",
        "继续教育学院", "轨道交通学院", "医药卫生学院", "艺术传媒学院", "体育教学部",
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英"];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>Writes a week file with <paramref name="departments"/> departments into <paramref name="directory"/>; returns its path.</summary>
    public static string Write(string directory, int departments)
    {
        var list = new JsonArray();
        for (var i = 0; i < departments; i++)
        {
            var name = i < Colleges.Length ? Colleges[i] : $"{Colleges[i % Colleges.Length]}{i / Colleges.Length + 1}分院";
            var liaisons = new JsonArray(Person(i, 0, backup: false));
            if (i % 3 == 0) liaisons.Add(Person(i, 1, backup: true));
            list.Add(new JsonObject { ["id"] = $"d{i:D4}", ["name"] = name, ["liaisons"] = liaisons });
        }
        var week = new JsonObject
        {
            ["id"] = $"2024-wuxi-{departments}",
            ["title"] = "2024年职业教育活动周",
            ["theme"] = "一技在手，一生无忧",
            ["timeZone"] = "Asia/Shanghai",
            ["start"] = "2024-05-12",
            ["end"] = "2024-05-18",
            ["deadlines"] = new JsonObject { ["plan"] = "2024-05-12T12:00", ["dailyReport"] = "12:00", ["statistics"] = "2024-05-19T17:30", ["summary"] = "2024-05-19T17:30" },
            ["office"] = new JsonObject
            {
                ["name"] = "教务处",
                ["staff"] = new JsonArray(new JsonObject { ["name"] = "吴苏玲", ["email"] = "wusuling@college.example.edu.cn", ["aadObjectId"] = "0ff1ce00-0000-4000-8000-000000000001" }),
            },
            ["departments"] = list,
        };
        var path = Path.Combine(directory, $"week-{departments}.json");
        File.WriteAllText(path, week.ToJsonString(Json));
        return path;
    }

    private static JsonObject Person(int department, int n, bool backup)
    {
        var k = department * 2 + n;
        var person = new JsonObject
        {
            ["name"] = Surnames[k % Surnames.Length] + Given[k / Surnames.Length % Given.Length],
            ["email"] = $"liaison{department:D4}{(n == 0 ? "" : "b")}@college.example.edu.cn",
            ["phone"] = $"138{k:D8}",
        };
        if (department % 2 == 0) person["aadObjectId"] = $"{department:D8}-0000-4000-8000-{k:D12}";
        if (backup) person["backup"] = true;
        return person;
    }

    /// <summary>
    /// Fills the store as a real week looks at <paramref name="now"/>: every item due before now handed in by most departments
    /// (about 85% on time, 7% late the same day, 4% made up a day later, the rest missing); today's report from about half so far.
    /// Each report carries a realistic form payload (about 1 KB of Chinese text, stored as the forms store it) and one in ten was edited once (two versions).
    /// Written through <see cref="ISubmissionStore.Submit"/> (so on either database), all in one transaction: thousands of
    /// versions commit once instead of once each. Returns the number of versions stored.
    /// </summary>
    public static int Submit(ISubmissionStore store, IAtomicWrites writes, ActiveWeek week, DateTimeOffset now, int seed = 7)
    {
        var random = new Random(seed);
        var calendar = week.Calendar;
        var versions = new List<Submission>();
        foreach (var department in week.Definition.Departments)
        {
            foreach (var item in calendar.Items)
            {
                var deadline = calendar.DeadlineOf(item);
                var opens = item.Kind == ItemKind.DailyReport ? calendar.ToInstant(item.Day!.Value.ToDateTime(new TimeOnly(7, 30))) : deadline.AddDays(-3);
                if (opens > now) continue;
                var roll = random.NextDouble();
                DateTimeOffset at;
                if (deadline > now)
                {
                    // Still open: about half are in, at some point between opening and now.
                    if (roll > 0.5) continue;
                    at = opens + (now - opens) * random.NextDouble();
                }
                else if (roll < 0.85) at = deadline - TimeSpan.FromMinutes(5 + random.Next(240));
                else if (roll < 0.92) at = deadline + TimeSpan.FromMinutes(5 + random.Next(300));
                else if (roll < 0.96) at = deadline + TimeSpan.FromHours(21);
                else continue;
                if (at > now) continue;
                var liaison = department.Liaisons[0];
                var edited = random.NextDouble() < 0.1 && at.AddMinutes(20) < now;
                for (var version = 1; version <= (edited ? 2 : 1); version++)
                {
                    versions.Add(new Submission
                    {
                        WeekId = week.Definition.Id,
                        DepartmentId = department.Id,
                        ItemKey = item.Key,
                        SubmittedAt = at.AddMinutes(20 * (version - 1)).UtcDateTime,
                        SubmittedByName = liaison.Name,
                        SubmittedByAadObjectId = liaison.AadObjectId,
                        SubmittedByTeamsId = $"29:{department.Id}",
                        IdempotencyKey = $"{department.Id}|{item.Key}|{version}",
                        Data = Payload(department, item),
                    });
                }
            }
        }
        // In order, so each slot's versions are numbered 1, 2 and the last is current, as a liaison's edits would be.
        writes.Atomically(() =>
        {
            foreach (var version in versions) store.Submit(version);
        });
        return versions.Count;
    }

    private static string Payload(Department department, WeekItem item) => new JsonObject
    {
        ["newActivities"] = $"{department.Name}“工匠进校园”专题讲座；智能制造实训中心开放日；校企合作签约仪式",
        ["participants"] = "180",
        ["typicalCase"] = $"{department.Name}开放智能制造实训中心，邀请周边中小学生和家长走进校园，在师生指导下体验工业机器人编程、数控加工和三维打印，"
            + "现场展示学生技能大赛获奖作品，并由专业教师讲解职业教育的培养模式和就业前景，受到家长和社会各界的广泛好评。",
        ["story"] = "2019届校友王磊扎根生产一线，从普通操作工成长为省级技术能手，带领团队完成多项技术革新，为企业节约成本数百万元。"
            + "他回到母校与学弟学妹分享成长经历，勉励大家练就过硬本领、走技能成才之路。",
        ["featureReport"] = $"{item.Key} 活动报道：学院组织开展职业教育活动周系列活动，展示职业教育改革发展成果。",
        ["mediaLinks"] = "https://news.example.com/a/1\nhttps://www.example.gov.cn/b/2",
    }.ToJsonString(VocEdWeek.Bot.Features.Forms.FormJson.Options);
}
