using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Features.Plan;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Bench.Storage;

/// <summary>
/// Seeds through the real store, giving each version the form data its item's form writes (a plan with four planned
/// activities, a daily report), in place of the generated week's one generic payload: a liaison's next report reads
/// the stored plan and earlier reports back (the activities offered as "held"), so they must be real forms.
/// </summary>
public sealed class FormShapedStore(ISubmissionStore inner, ActiveWeek week) : ISubmissionStore
{
    public (Submission Stored, bool Duplicate) Submit(Submission candidate)
    {
        candidate.Data = WeekItem.Parse(candidate.ItemKey) is { Kind: ItemKind.DailyReport, Day: { } day } ? Report(day) : candidate.ItemKey == "plan" ? Plan(candidate.DepartmentId) : candidate.Data;
        return inner.Submit(candidate);
    }

    private string Plan(string department) => FormJson.Serialize(new PlanData
    {
        LiaisonName = "联络员", Phone = "13800000000", Email = $"{department}@college.example.edu.cn",
        PlanSummary = "围绕活动周主题，开展校园开放、技能展示、校企签约、校友返校等系列活动。",
        ColumnUrl = $"https://www.college.example.edu.cn/zjhdz/{department}",
        Activities = [.. Enumerable.Range(0, 4).Select(a => new PlannedActivity
        {
            Id = $"a{a}", Name = $"活动{a + 1}", Category = ActivityCategories.Codes[a % ActivityCategories.Codes.Count],
            Date = week.Definition.Start.AddDays(a * 2 % 7), Place = "实训中心", Audience = "中小学生及家长", Expected = 100 + a * 10, Public = a % 2 == 0,
        })],
    });

    private static string Report(DateOnly day) => FormJson.Serialize(new DailyReportData
    {
        Day = day, Held = [new HeldActivity("a0", "活动1", true)], Participants = 180,
        TypicalCase = "学院开放智能制造实训中心，邀请周边中小学生和家长走进校园，在师生指导下体验工业机器人编程、数控加工和三维打印。",
        Story = "2019届校友王磊扎根生产一线，从普通操作工成长为省级技术能手。", FeatureReport = "学院组织开展职业教育活动周系列活动。",
        MediaLinks = ["https://news.example.com/a/1"],
    });

    public IReadOnlyList<Submission> History(string weekId, string departmentId, string itemKey) => inner.History(weekId, departmentId, itemKey);

    public Submission? Current(string weekId, string departmentId, string itemKey) => inner.Current(weekId, departmentId, itemKey);

    public Submission? Find(string id) => inner.Find(id);

    public IReadOnlyList<Submission> CurrentOfDepartment(string weekId, string departmentId) => inner.CurrentOfDepartment(weekId, departmentId);

    public IReadOnlyDictionary<(string Department, string Item), SubmissionSummary> Summaries(string weekId) => inner.Summaries(weekId);

    public IReadOnlyDictionary<(string Department, string Item), SubmissionTimes> Times(string weekId) => inner.Times(weekId);

    public void Exempt(Exemption exemption) => inner.Exempt(exemption);

    public bool RemoveExemption(string weekId, string departmentId, string itemKey) => inner.RemoveExemption(weekId, departmentId, itemKey);

    public IReadOnlyDictionary<(string Department, string Item), Exemption> Exemptions(string weekId) => inner.Exemptions(weekId);
}
