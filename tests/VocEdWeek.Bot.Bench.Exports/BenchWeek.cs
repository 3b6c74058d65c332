using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Features.Plan;
using VocEdWeek.Bot.Features.Statistics;
using VocEdWeek.Bot.Features.Summary;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Bench.Exports;

/// <summary>
/// A finished week as the stores hold it: every department's plan (four activities), seven daily reports with a
/// typical case and a story (~85% on time, some late, made up, exempt or missing; one in ten edited once), statistics,
/// a summary, and media records spread over the reports. Written through the stores (so on either database), in one
/// transaction.
/// </summary>
public static class BenchWeek
{
    private const string Case = "学院开放智能制造实训中心，邀请周边中小学生和家长走进校园，在师生指导下体验工业机器人编程、数控加工和三维打印，"
        + "现场展示学生技能大赛获奖作品，并由专业教师讲解职业教育的培养模式和就业前景，受到家长和社会各界的广泛好评。";
    private const string Story = "2019届校友王磊扎根生产一线，从普通操作工成长为省级技术能手，带领团队完成多项技术革新，为企业节约成本数百万元。"
        + "他回到母校与学弟学妹分享成长经历，勉励大家练就过硬本领、走技能成才之路。";

    public static (int Versions, int Media) Seed(ISubmissionStore submissions, IMediaStore mediaStore, IAtomicWrites writes, ActiveWeek week, int mediaCount, int seed = 11)
    {
        var random = new Random(seed);
        var c = week.Calendar;
        var versions = new List<Submission>();
        var exemptions = new List<Exemption>();
        var i = 0;
        foreach (var d in week.Definition.Departments)
        {
            var plan = new PlanData
            {
                LiaisonName = d.Liaisons[0].Name, Phone = d.Liaisons[0].Phone ?? "", Email = d.Liaisons[0].Email ?? "",
                PlanSummary = $"{d.Name}围绕活动周主题，开展校园开放、技能展示、校企签约、校友返校等系列活动。",
                ColumnUrl = $"https://www.college.example.edu.cn/zjhdz/{d.Id}",
                Activities = [.. Enumerable.Range(0, 4).Select(a => new PlannedActivity
                {
                    Id = $"a{a}", Name = $"{d.Name}活动{a + 1}", Category = ActivityCategories.Codes[(i + a) % ActivityCategories.Codes.Count],
                    Date = week.Definition.Start.AddDays(a * 2 % 7), Place = "实训中心", Audience = "中小学生及家长", Expected = 100 + a * 10, Public = a % 2 == 0,
                })],
            };
            Add(versions, random, week, d, new WeekItem(ItemKind.Plan), c.PlanDeadline, FormJson.Serialize(plan), exemptions);
            foreach (var day in c.Days)
            {
                var report = new DailyReportData
                {
                    Day = day, Held = [new HeldActivity("a0", $"{d.Name}活动1", true)], Participants = 100 + random.Next(400),
                    TypicalCase = d.Name + Case, Story = Story, FeatureReport = $"{d.Name}组织开展职业教育活动周系列活动。",
                    MediaLinks = ["https://news.example.com/a/1"],
                };
                Add(versions, random, week, d, new WeekItem(ItemKind.DailyReport, day), c.DeadlineOf(new WeekItem(ItemKind.DailyReport, day)), FormJson.Serialize(report), exemptions);
            }
            var stats = new System.Text.Json.Nodes.JsonObject();
            foreach (var f in StatisticsForm.Fields) stats[f] = random.Next(1000);
            Add(versions, random, week, d, new WeekItem(ItemKind.Statistics), c.StatisticsDeadline, stats.ToJsonString(), exemptions);
            var summary = new SummaryData { Text = $"{d.Name}活动周总结：" + string.Concat(Enumerable.Repeat(Case, 3)) };
            Add(versions, random, week, d, new WeekItem(ItemKind.Summary), c.SummaryDeadline, FormJson.Serialize(summary), exemptions);
            i++;
        }

        var media = new List<MediaRecord>();
        var departments = week.Definition.Departments;
        for (var m = 0; m < mediaCount; m++)
        {
            var d = departments[m % departments.Count];
            var day = c.Days[m / departments.Count % c.Days.Count];
            var name = m % 5 == 4 ? $"{d.Id}-{day:MMdd}-{m}.mp4" : $"{d.Id}-{day:MMdd}-{m}.jpg";
            var remote = (RemoteState)(m % 3 == 0 ? 2 : m % 3 == 1 ? 1 : 0);
            media.Add(new MediaRecord
            {
                WeekId = week.Definition.Id, DepartmentId = d.Id, ItemKey = new WeekItem(ItemKind.DailyReport, day).Key,
                FileName = name, OriginalName = name, Kind = MediaKinds.Of(name), Size = 200_000 + random.Next(5_000_000), Location = $"files/{d.Id}/{name}",
                ReceivedAt = c.DeadlineOf(new WeekItem(ItemKind.DailyReport, day)).AddHours(-2).UtcDateTime, FromName = d.Liaisons[0].Name,
                BatchId = $"b{m}", State = MediaState.Stored, Remote = remote,
                WebUrl = remote == RemoteState.Uploaded ? $"https://contoso.sharepoint.cn/sites/jwc/Shared%20Documents/{d.Id}/{name}" : null,
            });
        }
        // In order: each slot's versions are numbered 1, 2 by Submit and the last is current, as a liaison's edit makes them.
        writes.Atomically(() =>
        {
            foreach (var version in versions) submissions.Submit(version);
            foreach (var exemption in exemptions) submissions.Exempt(exemption);
            mediaStore.AddBatch(media);
        });
        return (versions.Count, media.Count);
    }

    private static void Add(List<Submission> versions, Random random, ActiveWeek week, Department d, WeekItem item, DateTimeOffset deadline, string data, List<Exemption> exemptions)
    {
        var roll = random.NextDouble();
        DateTimeOffset at;
        if (roll < 0.85) at = deadline.AddMinutes(-5 - random.Next(240));
        else if (roll < 0.90) at = deadline.AddMinutes(5 + random.Next(300));
        else if (roll < 0.93) at = deadline.AddHours(21);
        else
        {
            if (roll < 0.95) exemptions.Add(new Exemption { Id = Exemption.KeyOf(week.Definition.Id, d.Id, item.Key), WeekId = week.Definition.Id, DepartmentId = d.Id, ItemKey = item.Key, SetBy = "吴苏玲", SetAt = deadline.UtcDateTime });
            return;
        }
        var edited = random.NextDouble() < 0.1;
        for (var v = 1; v <= (edited ? 2 : 1); v++)
        {
            versions.Add(new Submission
            {
                WeekId = week.Definition.Id, DepartmentId = d.Id, ItemKey = item.Key, SubmittedAt = at.AddMinutes(20 * (v - 1)).UtcDateTime, SubmittedByName = d.Liaisons[0].Name,
                SubmittedByAadObjectId = d.Liaisons[0].AadObjectId, SubmittedByTeamsId = $"29:{d.Id}", IdempotencyKey = $"{d.Id}|{item.Key}|{v}", Data = data,
            });
        }
    }
}
