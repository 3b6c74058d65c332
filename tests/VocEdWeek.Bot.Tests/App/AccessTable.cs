using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.App;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Dashboard;
using VocEdWeek.Bot.Features.DigestChannel;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Features.FileStatus;
using VocEdWeek.Bot.Features.Recommend;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Features.Help;
using VocEdWeek.Bot.Features.MySubmissions;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Features.Plan;
using VocEdWeek.Bot.Features.Reminders;
using VocEdWeek.Bot.Features.Settings;
using VocEdWeek.Bot.Features.Statistics;
using VocEdWeek.Bot.Features.Summary;
using VocEdWeek.Bot.Features.UploadPage;
using VocEdWeek.Bot.Features.Welcome;
using VocEdWeek.Bot.Features.WeekSetup;

namespace VocEdWeek.Bot.Tests.App;

/// <summary>
/// Every command and card verb the bot has, who may use it, and what everyone else is told. The table test drives each
/// row through the real bot for each role; a completeness test fails when a handler or verb is registered that is not
/// here; the README's "Who may do what" table is made from these rows.
/// </summary>
public static class AccessTable
{
    public enum Role { Stranger, Liaison, Backup, Observer, Staff, Admin }

    /// <summary>One command (typed <see cref="Input"/>) or button (<see cref="Input"/> is the verb).</summary>
    public sealed record Row(string Label, string Input, bool IsVerb, Type Handler, Access Access, bool InChannel = false)
    {
        /// <summary>What the handler itself tells a role the gate lets through (e.g. a stranger asking about progress).</summary>
        public IReadOnlyDictionary<Role, string> HandlerRefusals { get; init; } = new Dictionary<Role, string>();

        public bool Serves(Role role) => Refusal(role) is null;

        /// <summary>The exact refusal a role gets; null when served.</summary>
        public string? Refusal(Role role) => HandlerRefusals.TryGetValue(role, out var own) ? own : GateRefusal(Access, role);
    }

    public const string StaffOnlyToLiaison = "此功能仅供教务处使用。如需查看本部门的报送情况，请发送“我的提交”。";
    public const string StaffOnlyToStranger = "此功能仅供教务处使用。如有需要，请联系教务处（吴苏玲）。";
    public const string LiaisonOnlyToStaff = "表单和材料由各二级学院（部门）联络员报送。教务处老师可以发送“进度”或“谁没交”查看报送情况。";
    public const string LiaisonOnlyToStranger = "您不在“2024年职业教育活动周”的联络员名单中，暂时不能填报。如需填报，请联系教务处（吴苏玲）。";
    public const string ProgressToStranger = "报送进度和未交名单仅供教务处查看。如需了解，请联系教务处（吴苏玲）。";
    public const string StaffOnlyToObserver = "您是只读查看人员，可以查看进度和看板；催报、免报、导出等操作由教务处工作人员进行。";
    public const string AdminOnly = "活动周的设置（新建活动周、导入名单、更换联络员、调整截止时间等）仅限教务处的管理员操作。如需更改，请联系管理员（王强）。";

    public static string? GateRefusal(Access access, Role role) => (access, role) switch
    {
        (Access.Anyone, _) => null,
        (Access.Admin, Role.Admin) or (Access.Staff, Role.Staff or Role.Admin) or (Access.Office, Role.Observer or Role.Staff or Role.Admin) => null,
        (Access.Liaison, Role.Liaison or Role.Backup) => null,
        (Access.Admin, _) => AdminOnly,
        (Access.Staff, Role.Observer) => StaffOnlyToObserver,
        (Access.Staff or Access.Office, Role.Liaison or Role.Backup) => StaffOnlyToLiaison,
        (Access.Staff or Access.Office, _) => StaffOnlyToStranger,
        (Access.Liaison, Role.Observer or Role.Staff or Role.Admin) => LiaisonOnlyToStaff,
        _ => LiaisonOnlyToStranger,
    };

    public static readonly IReadOnlyList<Row> Rows =
    [
        new("帮助 / help", "帮助", false, typeof(HelpHandler), Access.Anyone),
        new("设为通知频道 / set digest channel (in a team channel)", "设为通知频道", false, typeof(DigestChannelHandler), Access.Staff, InChannel: true),
        new("通知频道 / digest channel", "通知频道", false, typeof(DigestChannelHandler), Access.Staff),
        new("恢复通知频道 / restore digest channel", "恢复通知频道", false, typeof(DigestChannelHandler), Access.Staff),
        new("上传链接 / upload link", "上传链接", false, typeof(UploadLinkHandler), Access.Liaison),
        new("导出统计表, 导出全部 … / export …", "导出统计表", false, typeof(ExportHandler), Access.Staff),
        new("导出推荐材料 / export recommendations", "导出推荐材料", false, typeof(ExportHandler), Access.Staff),
        new("免报 … / 取消免报 …", "免报 经济管理学院 5月15日 外出参赛", false, typeof(ExemptionHandler), Access.Staff),
        new("文件状态 / upload status", "文件状态", false, typeof(FileStatusHandler), Access.Staff),
        new("择优推荐 … / recommend …", "择优推荐 5月14日 机电", false, typeof(RecommendHandler), Access.Staff),
        new("自荐 / nominate", "自荐", false, typeof(NominateHandler), Access.Liaison),
        new("今天谁还没报送, 进度 … / who hasn't reported", "今天谁还没报送", false, typeof(OfficeQuestionHandler), Access.Anyone)
        {
            // Open to anyone by design: staff get the office's answer, a liaison their own department's standing only.
            HandlerRefusals = new Dictionary<Role, string> { [Role.Stranger] = ProgressToStranger },
        },
        new("我的提交 / my submissions", "我的提交", false, typeof(MySubmissionsHandler), Access.Liaison),
        new("计划 / plan", "填写计划", false, typeof(PlanHandler), Access.Liaison),
        new("日报 / report", "我要填日报", false, typeof(DailyReportHandler), Access.Liaison),
        new("统计 / stats", "填写统计表", false, typeof(StatisticsHandler), Access.Liaison),
        new("总结 / summary", "填写总结", false, typeof(SummaryHandler), Access.Liaison),
        new("催报记录 / reminder log", "催报记录", false, typeof(ReminderLogHandler), Access.Staff),
        new("看板 / dashboard", "看板", false, typeof(DashboardHandler), Access.Office),
        new("新建活动周 … / new week … (with the notice)", "新建活动周", false, typeof(NewWeekHandler), Access.Admin),
        new("导入名单 / import roster (with the sheet), 名单模板", "导入名单", false, typeof(RosterImportHandler), Access.Admin),
        new("设置 / settings", "设置", false, typeof(SettingsHandler), Access.Admin),
        new("添加部门 …, 更换联络员 …, 日报时间 …, 全周免报 … (settings shortcuts)", "添加部门 智能制造学院", false, typeof(SettingsHandler), Access.Admin),
        new("设置记录 / settings log", "设置记录", false, typeof(SettingsLogHandler), Access.Staff),
        new("导出活动周设置 / export week settings", "导出活动周设置", false, typeof(WeekExportHandler), Access.Admin),

        new("button: help", HelpHandler.ShowVerb, true, typeof(HelpHandler), Access.Anyone),
        new("button: back to welcome", WelcomeHandler.ShowVerb, true, typeof(WelcomeHandler), Access.Anyone),
        new("button: submit plan", PlanHandler.SubmitVerb, true, typeof(PlanHandler), Access.Liaison),
        new("button: add activity", PlanHandler.AddVerb, true, typeof(PlanHandler), Access.Liaison),
        new("button: remove activity", PlanHandler.RemoveVerb, true, typeof(PlanHandler), Access.Liaison),
        new("button: submit report", DailyReportHandler.SubmitVerb, true, typeof(DailyReportHandler), Access.Liaison),
        new("button: submit statistics", StatisticsHandler.SubmitVerb, true, typeof(StatisticsHandler), Access.Liaison),
        new("button: submit summary", SummaryHandler.SubmitVerb, true, typeof(SummaryHandler), Access.Liaison),
        new("button: my submissions", MySubmissionsHandler.ShowVerb, true, typeof(MySubmissionsHandler), Access.Liaison),
        new("button: fill in / edit", FormOpenHandler.OpenVerb, true, typeof(FormOpenHandler), Access.Liaison),
        new("button: 全部进度", ProgressCard.FullVerb, true, typeof(OfficeProgressHandler), Access.Office),
        new("button: 查看未交名单", ProgressCard.ItemVerb, true, typeof(OfficeProgressHandler), Access.Office),
        new("button: 文件状态", FileStatusHandler.ShowVerb, true, typeof(FileStatusHandler), Access.Staff),
        new("button: 重试上传", FileStatusHandler.RetryVerb, true, typeof(FileStatusHandler), Access.Staff),
        new("button: 筛选 / 下一页 (择优推荐)", RecommendHandler.ShowVerb, true, typeof(RecommendHandler), Access.Staff),
        new("button: 提交推荐", RecommendHandler.SubmitVerb, true, typeof(RecommendHandler), Access.Staff),
        new("button: 筛选 / 下一页 (自荐)", NominateHandler.ShowVerb, true, typeof(NominateHandler), Access.Liaison),
        new("button: 提交自荐", NominateHandler.SubmitVerb, true, typeof(NominateHandler), Access.Liaison),
        new("button: 发送到聊天 (export)", ExportCard.SendVerb, true, typeof(ExportHandler), Access.Staff),
        new("button: 一键催报", RemindMissingHandler.Verb, true, typeof(RemindMissingHandler), Access.Staff),
        new("button: 催报记录", ReminderLogHandler.Verb, true, typeof(ReminderLogHandler), Access.Staff),
        new("button: 创建活动周 (draft)", CreateWeekHandler.CreateVerb, true, typeof(CreateWeekHandler), Access.Admin),
        new("button: 取消 (draft)", CreateWeekHandler.CancelVerb, true, typeof(CreateWeekHandler), Access.Admin),
        new("button: 确认导入 (roster)", RosterApplyHandler.ApplyVerb, true, typeof(RosterApplyHandler), Access.Admin),
        new("button: 取消 (roster)", RosterApplyHandler.CancelVerb, true, typeof(RosterApplyHandler), Access.Admin),
        new("button: 预览更改 (settings form)", SettingsCards.ProposeVerb, true, typeof(SettingsHandler), Access.Admin),
        new("button: 确认 (settings)", SettingsCards.ConfirmVerb, true, typeof(SettingsConfirmHandler), Access.Admin),
        new("button: 取消 (settings)", SettingsCards.CancelVerb, true, typeof(SettingsConfirmHandler), Access.Admin),
    ];

    public static Row Find(string label) => Rows.Single(r => r.Label == label);

    /// <summary>The README's "Who may do what" table, made from the rows.</summary>
    public static IReadOnlyList<string> ReadmeLines()
    {
        static string Mark(Row row, Role role) => row.Serves(role) ? "✓" : "✗";
        var lines = new List<string>
        {
            "| command or button | stranger | liaison or backup | observer | office staff | admin |",
            "| --- | :-: | :-: | :-: | :-: | :-: |",
        };
        foreach (var row in Rows)
        {
            var label = row.IsVerb ? $"{row.Label} (`{row.Input}`)" : row.Label;
            lines.Add($"| {label} | {Mark(row, Role.Stranger)} | {Mark(row, Role.Liaison)} | {Mark(row, Role.Observer)} | {Mark(row, Role.Staff)} | {Mark(row, Role.Admin)} |");
        }
        return lines;
    }
}
