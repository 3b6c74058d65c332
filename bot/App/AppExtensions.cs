using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Dashboard;
using VocEdWeek.Bot.Features.Digest;
using VocEdWeek.Bot.Features.DigestChannel;
using VocEdWeek.Bot.Features.FileStatus;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Features.Exports.Writers;
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
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Files.Publishing;
using VocEdWeek.Bot.Files.SharePoint;
using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Operations;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Storage;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace VocEdWeek.Bot.App;

/// <summary>Registers storage, cards and every feature; command order here is matching order.</summary>
public static class AppExtensions
{
    public static IServiceCollection AddBotApp(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(storage);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BotDatabase>();
        // Readiness checks, metrics (and their OTLP export when configured), the backup endpoint.
        services.AddOperations(configuration);
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<SettingsStore>();
        services.AddWeeks(configuration);
        services.AddSingleton<SubmissionStore>();
        services.AddSingleton<ProgressService>();
        services.AddSingleton<IdentityResolver>();
        services.AddSingleton<AccessGate>();
        services.AddSingleton(FileIntakeOptions.From(configuration));
        services.AddSingleton<IFileStore, LocalFileStore>();
        services.AddSingleton<MediaStore>();
        services.AddSingleton<MediaArrival>();
        services.AddSingleton<MediaContent>();
        services.AddSingleton(configuration.GetSection("Links").Get<WebLinkOptions>() ?? new WebLinkOptions());
        services.AddSingleton<LinkSigner>();
        services.AddSingleton<FileFetcher>();
        services.AddSingleton<FileIntakeWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<FileIntakeWorker>());
        services.AddSingleton<FileIntakeHandler>();
        // The office's SharePoint library through Microsoft Graph (IRemoteFileStore), only when a site is configured;
        // stored files are copied there by the upload worker.
        services.AddSharePoint(configuration);
        services.AddRemoteUpload(configuration);

        var cardsDir = configuration["Cards:Directory"] ?? Path.Combine(AppContext.BaseDirectory, "cards");
        services.AddSingleton(new CardTemplates(cardsDir));

        services.AddSingleton<WelcomeHandler>();
        services.AddSingleton<InstallHandler>();
        services.AddSingleton<HelpHandler>();
        services.AddSingleton<DigestChannelHandler>();
        services.AddSingleton<DigestChannelLocator>();
        services.AddSingleton<DigestChannelStatus>();
        services.AddHostedService<StartupAnnouncer>();

        // Proactive delivery: the outbox, the scheduler, reminders (one-click and automatic) and the digest.
        services.AddOutbox(configuration);
        services.AddScheduling(configuration);
        services.AddReminders(configuration);
        services.AddDigest(configuration);

        // The office's live dashboard page and its "看板" command (registered before the office questions).
        services.AddDashboard(configuration);
        // Changing the week from Teams ("设置", "更换联络员 …", "设置记录", "导出活动周设置"): before the office questions and exports.
        services.AddSettings();

        // The four forms (plan, daily report, statistics, summary) and "my submissions".
        services.AddSingleton<FormAccess>();
        services.AddSingleton<FormCards>();
        services.AddSingleton<ItemFiles>();
        services.AddSingleton<FormFlow>();
        services.AddSingleton<ReportChoices>();
        services.AddSingleton<SummaryService>();
        services.AddSingleton<PlanForm>();
        services.AddSingleton<DailyReportForm>();
        services.AddSingleton<StatisticsForm>();
        services.AddSingleton<SummaryForm>();
        services.AddSingleton<IForm>(sp => sp.GetRequiredService<PlanForm>());
        services.AddSingleton<IForm>(sp => sp.GetRequiredService<DailyReportForm>());
        services.AddSingleton<IForm>(sp => sp.GetRequiredService<StatisticsForm>());
        services.AddSingleton<IForm>(sp => sp.GetRequiredService<SummaryForm>());
        services.AddSingleton<PlanHandler>();
        services.AddSingleton<DailyReportHandler>();
        services.AddSingleton<StatisticsHandler>();
        services.AddSingleton<SummaryHandler>();
        services.AddSingleton<MySubmissionsCard>();
        services.AddSingleton<MySubmissionsHandler>();
        services.AddSingleton<FormOpenHandler>();

        // Office staff: questions in plain words ("今天谁还没报送"), full progress, 免报.
        services.AddSingleton<MissingCard>();
        services.AddSingleton<ProgressCard>();
        services.AddSingleton<OfficeAnswers>();
        services.AddSingleton<OfficeQuestionHandler>();
        services.AddSingleton<OfficeProgressHandler>();
        services.AddSingleton<ExemptionHandler>();

        // Office staff: what is still waiting for SharePoint, and why.
        services.AddSingleton<FileStatusCard>();
        services.AddSingleton<FileStatusHandler>();

        // Personal upload page: a signed link per liaison, item and day; the page streams files into the same store.
        services.AddUploadPage(configuration);

        // Exports for the office ("导出统计表", "导出全部"): files, signed download links, file consent in personal chats.
        services.AddExports(configuration);
        // Exports the office passes upward (统计表, 信息采集表, 日报登记表, 媒体素材清单, 总结汇编): the writers.
        services.AddExportWriters();

        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<HelpHandler>());
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<DigestChannelHandler>());
        // Admins setting up: before everything that reads words, since a pasted notice mentions 日报, 统计表, 总结 ….
        services.AddWeekSetup(configuration);
        // Before the office questions: "上传链接 5月13日" names a day but asks for a link, whoever types it.
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<UploadLinkHandler>());
        // Before the office questions and the forms: "导出总结" is an export, not the summary form.
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<ExportHandler>());
        // Before "my submissions" and the forms: "日报" from office staff is a question, from a liaison a form (decided by role).
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<ExemptionHandler>());
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<FileStatusHandler>());
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<OfficeQuestionHandler>());
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<MySubmissionsHandler>());
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<PlanHandler>());
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<DailyReportHandler>());
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<StatisticsHandler>());
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<SummaryHandler>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<HelpHandler>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<WelcomeHandler>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<PlanHandler>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<DailyReportHandler>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<StatisticsHandler>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<SummaryHandler>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<MySubmissionsHandler>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<FormOpenHandler>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<OfficeProgressHandler>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<FileStatusHandler>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<ExportHandler>());

        services.AddSingleton<TurnRouter>();
        services.AddSingleton<ITurnHandler, StorageFullGuard>();
        return services;
    }

    /// <summary>The bot's own web pages (upload page, dashboard, downloads), next to /api/messages.</summary>
    public static WebApplication MapBotPages(this WebApplication app)
    {
        app.MapDashboard();
        app.MapOperations();

        app.MapUploadPage();
        app.MapExportDownloads();
        app.MapRosterTemplate();
        return app;
    }
}
