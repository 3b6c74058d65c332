using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Features.Plan;
using VocEdWeek.Bot.Features.Statistics;
using VocEdWeek.Bot.Features.Summary;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.Exports;

/// <summary>
/// Submissions and files put in through the real stores (ISubmissionStore.Submit, Exempt, IMediaStore.Add) with the
/// payloads the forms store. Deterministic: department i's numbers derive from i.
/// </summary>
public sealed class ExportData(ActiveWeek week, ISubmissionStore submissions, IMediaStore media)
{
    private int _key;

    public WeekCalendar Calendar => week.Calendar;

    public static long StatValue(int department, int field) => (department + 1) * 10 + field * 3;

    /// <summary>Every item of every department on time, with cases, stories, photos, videos and a summary.</summary>
    public void FullWeek(int photosPerDay = 2, int videosPerDay = 1)
    {
        var i = 0;
        foreach (var d in week.Definition.Departments)
        {
            Plan(d, i, Calendar.PlanDeadline.AddHours(-2));
            foreach (var day in Calendar.Days)
            {
                Report(d, i, day, OnTime(day));
                for (var p = 0; p < photosPerDay; p++) File(d, new WeekItem(ItemKind.DailyReport, day), $"{d.Id}-{day:MMdd}-{p + 1}.jpg", OnTime(day), (p + i) % 3);
                for (var v = 0; v < videosPerDay; v++) File(d, new WeekItem(ItemKind.DailyReport, day), $"{d.Id}-{day:MMdd}-v{v + 1}.mp4", OnTime(day), v + i);
            }
            Statistics(d, i, Calendar.StatisticsDeadline.AddHours(-3));
            Summary(d, i, Calendar.SummaryDeadline.AddHours(-3), withDocument: i == 0);
            i++;
        }
    }

    public DateTimeOffset OnTime(DateOnly day) => Calendar.DeadlineOf(new WeekItem(ItemKind.DailyReport, day)).AddHours(-1.5);

    public void Plan(Department d, int i, DateTimeOffset at) => Submit(d, new WeekItem(ItemKind.Plan), at, FormJson.Serialize(new PlanData
    {
        LiaisonName = d.Liaisons[0].Name,
        Phone = d.Liaisons[0].Phone ?? $"0510-8{i:D7}",
        Email = d.Liaisons[0].Email ?? "",
        PlanSummary = $"{d.Name}围绕“一技在手，一生无忧”主题，开展校园开放、技能展示、校企签约等系列活动。",
        ColumnUrl = $"https://www.college.example.edu.cn/zjhdz/{d.Id}",
        Activities =
        [
            new PlannedActivity { Id = "a1", Name = $"{d.Name}校园开放日", Category = "openCampus", Date = week.Definition.Start, Place = "实训中心", Audience = "中小学生及家长", Expected = 200 + i, Public = true },
            new PlannedActivity { Id = "a2", Name = "校企集中签约仪式", Category = "signing", Date = week.Definition.Start.AddDays(2), Place = "报告厅", Audience = "合作企业", Expected = 80 },
            new PlannedActivity { Id = "a3", Name = "技能成才分享会", Category = "alumniReturn", Date = week.Definition.Start.AddDays(4), Place = "图书馆", Audience = "在校学生", Expected = null },
        ],
    }));

    public void Report(Department d, int i, DateOnly day, DateTimeOffset at, bool withStory = true) =>
        Submit(d, new WeekItem(ItemKind.DailyReport, day), at, FormJson.Serialize(new DailyReportData
        {
            Day = day,
            Held = [new HeldActivity("a1", $"{d.Name}校园开放日", true), new HeldActivity($"n-{day:dd}", "专题讲座", false)],
            Participants = 100 + i + day.Day,
            TypicalCase = $"{d.Name}{day:M月d日}典型案例：开放实训中心，邀请周边中小学生体验工业机器人编程和数控加工。\n第二段：家长和社会各界广泛好评。",
            Story = withStory ? $"{d.Name}优秀校友从一线操作工成长为省级技术能手，{day:M月d日}回校分享成长经历。" : "",
            FeatureReport = "学院组织开展职业教育活动周系列活动。",
            MediaLinks = ["https://news.example.com/a/1"],
        }));

    public void Statistics(Department d, int i, DateTimeOffset at)
    {
        var data = new System.Text.Json.Nodes.JsonObject();
        var f = 0;
        foreach (var field in StatisticsForm.Fields) data[field] = StatValue(i, f++);
        Submit(d, new WeekItem(ItemKind.Statistics), at, data.ToJsonString());
    }

    public void Summary(Department d, int i, DateTimeOffset at, bool withDocument) => Submit(d, new WeekItem(ItemKind.Summary), at, FormJson.Serialize(new SummaryData
    {
        Text = $"{d.Name}活动周总结：本周共开展活动 {10 + i} 项，师生踊跃参与。\n下一步将持续深化产教融合。",
        Documents = withDocument ? [new SummaryDocument($"{d.Name}活动周总结.docx", null, $"files/{d.Id}/summary.docx", 52_000, at.UtcDateTime)] : [],
    }));

    public void Exempt(Department d, WeekItem item) => submissions.Exempt(new Exemption
    {
        WeekId = week.Definition.Id, DepartmentId = d.Id, ItemKey = item.Key, SetBy = "吴苏玲", SetAt = Calendar.PlanDeadline.UtcDateTime, Reason = "外出参赛",
    });

    /// <summary>A stored file; <paramref name="remote"/> 0 = uploaded with a link, 1 = waiting, 2 = no SharePoint (mod 3).</summary>
    public MediaRecord File(Department d, WeekItem item, string name, DateTimeOffset at, int remote, MediaState state = MediaState.Stored)
    {
        var record = new MediaRecord
        {
            WeekId = week.Definition.Id, DepartmentId = d.Id, ItemKey = item.Key, FileName = name, OriginalName = name,
            Kind = MediaKinds.Of(name), Size = 1_234_567 + name.Length * 1000, Sha256 = "", Location = $"files/{d.Id}/{name}",
            ReceivedAt = at.UtcDateTime, FromName = d.Liaisons[0].Name, BatchId = $"b-{++_key}", State = state,
            Remote = (remote % 3) switch { 0 => RemoteState.Uploaded, 1 => RemoteState.Waiting, _ => RemoteState.None },
        };
        if (record.Remote == RemoteState.Uploaded) record.WebUrl = $"https://contoso.sharepoint.cn/sites/jwc/Shared%20Documents/{d.Id}/{Uri.EscapeDataString(name)}";
        media.Add(record);
        return record;
    }

    public void Submit(Department d, WeekItem item, DateTimeOffset at, string data) => submissions.Submit(new Submission
    {
        WeekId = week.Definition.Id, DepartmentId = d.Id, ItemKey = item.Key, SubmittedAt = at.UtcDateTime,
        SubmittedByName = d.Liaisons[0].Name, SubmittedByAadObjectId = d.Liaisons[0].AadObjectId, SubmittedByTeamsId = $"29:{d.Id}",
        IdempotencyKey = $"seed-{++_key}", Data = data,
    });
}
