using VocEdWeek.Bot.Handlers;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.DailyReport;
using VocEdWeek.Bot.Features.Dashboard;
using VocEdWeek.Bot.Features.Digest;
using VocEdWeek.Bot.Features.DigestChannel;
using VocEdWeek.Bot.Features.FileStatus;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Features.Forms;
using VocEdWeek.Bot.Features.Help;
using VocEdWeek.Bot.Features.MySubmissions;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Features.Plan;
using VocEdWeek.Bot.Features.Recommend;
using VocEdWeek.Bot.Features.Recommend.Package;
using VocEdWeek.Bot.Features.Reminders;
using VocEdWeek.Bot.Features.Settings;
using VocEdWeek.Bot.Features.Statistics;
using VocEdWeek.Bot.Features.Summary;
using VocEdWeek.Bot.Features.UploadPage;
using VocEdWeek.Bot.Features.Welcome;
using VocEdWeek.Bot.Features.WeekSetup;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Hosting;
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

/// <summary>The bot's table of contents: shared parts, weeks, operations, delivery, the features, then the routes.</summary>
public static class AppExtensions
{
    public static IServiceCollection AddBotApp(this IServiceCollection services, IConfiguration configuration)
    {
        // Storage and the parts every feature shares: conversations, submissions, progress, who is who, files, links, cards.
        services.TryAddSingleton(TimeProvider.System);
        // LiteDB or PostgreSQL (Storage:Provider): the database and every store moved behind an interface.
        services.AddStorage(configuration);
        services.AddSingleton<ProgressService>();
        services.AddSingleton<IdentityResolver>();
        services.AddSingleton<AccessGate>();
        services.AddFileIntake(configuration);
        services.AddBoundOptions<WebLinkOptions>("Links");
        services.AddSingleton<LinkSigner>();
        services.AddSingleton(new CardTemplates(configuration["Cards:Directory"] ?? Path.Combine(AppContext.BaseDirectory, "cards")));

        services.AddWeeks(configuration);
        // Readiness checks, metrics (and their OTLP export when configured), the backup endpoint.
        services.AddOperations(configuration);
        // Proactive delivery: the outbox and the scheduler the reminders and the digest run on.
        services.AddOutbox(configuration);
        services.AddScheduling(configuration);

        // The features, each from its own folder; which command wins is decided by Routes, not by this order.
        services.AddWelcome(configuration);
        services.AddHelp(configuration);
        services.AddDigestChannel(configuration);
        services.AddReminders(configuration);
        services.AddDigest(configuration);
        services.AddDashboard(configuration);
        services.AddSettings(configuration);
        services.AddForms(configuration);
        services.AddPlan(configuration);
        services.AddDailyReport(configuration);
        services.AddStatistics(configuration);
        services.AddSummary(configuration);
        services.AddMySubmissions(configuration);
        services.AddOffice(configuration);
        services.AddFileStatus(configuration);
        services.AddRecommend(configuration);
        services.AddUploadPage(configuration);
        services.AddExports(configuration);
        services.AddRecommendPackage();
        services.AddWeekSetup(configuration);

        // Every command and card verb, checked against what the features registered (Routes.cs).
        services.AddRoutes();
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
