using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Dashboard;
using VocEdWeek.Bot.Features.DigestChannel;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Features.FileStatus;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Features.Help;
using VocEdWeek.Bot.Features.MySubmissions;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Features.Plan;
using VocEdWeek.Bot.Features.Recommend;
using VocEdWeek.Bot.Features.Reminders;
using VocEdWeek.Bot.Features.Settings;
using VocEdWeek.Bot.Features.Statistics;
using VocEdWeek.Bot.Features.Summary;
using VocEdWeek.Bot.Features.UploadPage;
using VocEdWeek.Bot.Features.Welcome;
using VocEdWeek.Bot.Features.WeekSetup;

namespace VocEdWeek.Bot.App;

/// <summary>A typed command: its handler (registered by its feature) and who may run it.</summary>
public sealed record CommandRoute(Type Handler, Access Access);

/// <summary>A card verb: the handler that takes it and who may press it.</summary>
public sealed record VerbRoute(string Verb, Type Handler, Access Access);

/// <summary>
/// Everything the bot answers to, in one place. Commands are tried top to bottom and the first whose words match wins,
/// so the order below is the rule. Handlers still declare their <see cref="Access"/> (the gate reads it there); the
/// start-up check (<see cref="RouteTable"/>) refuses to start when a row and its handler disagree.
/// </summary>
public static class Routes
{
    public static readonly IReadOnlyList<CommandRoute> Commands =
    [
        new(typeof(ReminderLogHandler), Access.Staff),
        // Before the office questions: "看板" is the dashboard.
        new(typeof(DashboardHandler), Access.Office),
        // Changing the week: before the office questions, the exports and the forms ("日报时间 11:30", "导出活动周设置").
        new(typeof(SettingsLogHandler), Access.Staff),
        new(typeof(WeekExportHandler), Access.Admin),
        new(typeof(SettingsHandler), Access.Admin),
        new(typeof(HelpHandler), Access.Anyone),
        new(typeof(DigestChannelHandler), Access.Staff),
        // Admins setting up: before everything that reads words, since a pasted notice mentions 日报, 统计表, 总结 ….
        new(typeof(NewWeekHandler), Access.Admin),
        new(typeof(RosterImportHandler), Access.Admin),
        // Before the office questions: "上传链接 5月13日" names a day but asks for a link, whoever types it.
        new(typeof(UploadLinkHandler), Access.Liaison),
        // Before the office questions and the forms: "导出总结" is an export, not the summary form.
        new(typeof(ExportHandler), Access.Staff),
        new(typeof(ExemptionHandler), Access.Staff),
        new(typeof(FileStatusHandler), Access.Staff),
        // Before the office questions: "择优推荐 5月14日 机电" names a day and a department but asks for the candidates.
        new(typeof(RecommendHandler), Access.Staff),
        new(typeof(NominateHandler), Access.Liaison),
        // Before "my submissions" and the forms: "日报" from office staff is a question, from a liaison the form — the
        // handler passes a non-staff turn on to the next row that takes the words (IPassingCommand).
        new(typeof(OfficeQuestionHandler), Access.Anyone),
        new(typeof(MySubmissionsHandler), Access.Liaison),
        new(typeof(PlanHandler), Access.Liaison),
        new(typeof(DailyReportHandler), Access.Liaison),
        new(typeof(StatisticsHandler), Access.Liaison),
        new(typeof(SummaryHandler), Access.Liaison),
    ];

    public static readonly IReadOnlyList<VerbRoute> Verbs =
    [
        new(HelpHandler.ShowVerb, typeof(HelpHandler), Access.Anyone),
        new(WelcomeHandler.ShowVerb, typeof(WelcomeHandler), Access.Anyone),
        new(PlanHandler.SubmitVerb, typeof(PlanHandler), Access.Liaison),
        new(PlanHandler.AddVerb, typeof(PlanHandler), Access.Liaison),
        new(PlanHandler.RemoveVerb, typeof(PlanHandler), Access.Liaison),
        new(DailyReportHandler.SubmitVerb, typeof(DailyReportHandler), Access.Liaison),
        new(StatisticsHandler.SubmitVerb, typeof(StatisticsHandler), Access.Liaison),
        new(SummaryHandler.SubmitVerb, typeof(SummaryHandler), Access.Liaison),
        new(MySubmissionsHandler.ShowVerb, typeof(MySubmissionsHandler), Access.Liaison),
        new(FormOpenHandler.OpenVerb, typeof(FormOpenHandler), Access.Liaison),
        new(ProgressCard.FullVerb, typeof(OfficeProgressHandler), Access.Office),
        new(ProgressCard.ItemVerb, typeof(OfficeProgressHandler), Access.Office),
        new(FileStatusHandler.ShowVerb, typeof(FileStatusHandler), Access.Staff),
        new(FileStatusHandler.RetryVerb, typeof(FileStatusHandler), Access.Staff),
        new(RecommendHandler.ShowVerb, typeof(RecommendHandler), Access.Staff),
        new(RecommendHandler.SubmitVerb, typeof(RecommendHandler), Access.Staff),
        new(NominateHandler.ShowVerb, typeof(NominateHandler), Access.Liaison),
        new(NominateHandler.SubmitVerb, typeof(NominateHandler), Access.Liaison),
        new(ExportCard.SendVerb, typeof(ExportHandler), Access.Staff),
        new(RemindMissingHandler.Verb, typeof(RemindMissingHandler), Access.Staff),
        new(ReminderLogHandler.Verb, typeof(ReminderLogHandler), Access.Staff),
        new(CreateWeekHandler.CreateVerb, typeof(CreateWeekHandler), Access.Admin),
        new(CreateWeekHandler.CancelVerb, typeof(CreateWeekHandler), Access.Admin),
        new(RosterApplyHandler.ApplyVerb, typeof(RosterApplyHandler), Access.Admin),
        new(RosterApplyHandler.CancelVerb, typeof(RosterApplyHandler), Access.Admin),
        new(SettingsCards.ProposeVerb, typeof(SettingsHandler), Access.Admin),
        new(SettingsCards.ConfirmVerb, typeof(SettingsConfirmHandler), Access.Admin),
        new(SettingsCards.CancelVerb, typeof(SettingsConfirmHandler), Access.Admin),
    ];
}
