using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Features.DigestChannel;
using VocEdWeek.Bot.Features.Exports;
using VocEdWeek.Bot.Features.Reminders;
using VocEdWeek.Bot.Features.Settings;
using VocEdWeek.Bot.Features.UploadPage;
using VocEdWeek.Bot.Features.WeekSetup;
using VocEdWeek.Bot.Files;
using VocEdWeek.Bot.Hosting;
using VocEdWeek.Bot.Identity;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Recommendations;
using VocEdWeek.Bot.Platform;
using VocEdWeek.Bot.Scheduling;
using VocEdWeek.Bot.Storage.LiteDb;
using VocEdWeek.Bot.Storage.LiteDb.Conversation;
using VocEdWeek.Bot.Storage.LiteDb.DigestChannel;
using VocEdWeek.Bot.Storage.LiteDb.Exports;
using VocEdWeek.Bot.Storage.LiteDb.Files;
using VocEdWeek.Bot.Storage.LiteDb.Identity;
using VocEdWeek.Bot.Storage.LiteDb.Inbound;
using VocEdWeek.Bot.Storage.LiteDb.Outbox;
using VocEdWeek.Bot.Storage.LiteDb.Recommendations;
using VocEdWeek.Bot.Storage.LiteDb.Reminders;
using VocEdWeek.Bot.Storage.LiteDb.Scheduling;
using VocEdWeek.Bot.Storage.LiteDb.Settings;
using VocEdWeek.Bot.Storage.LiteDb.Submissions;
using VocEdWeek.Bot.Storage.LiteDb.UploadPage;
using VocEdWeek.Bot.Storage.LiteDb.WeekSetup;
using VocEdWeek.Bot.Storage.LiteDb.Weeks;
using VocEdWeek.Bot.Storage.PostgreSql;
using VocEdWeek.Bot.Storage.PostgreSql.Conversation;
using VocEdWeek.Bot.Storage.PostgreSql.DigestChannel;
using VocEdWeek.Bot.Storage.PostgreSql.Exports;
using VocEdWeek.Bot.Storage.PostgreSql.Files;
using VocEdWeek.Bot.Storage.PostgreSql.Identity;
using VocEdWeek.Bot.Storage.PostgreSql.Inbound;
using VocEdWeek.Bot.Storage.PostgreSql.Instances;
using VocEdWeek.Bot.Storage.PostgreSql.Outbox;
using VocEdWeek.Bot.Storage.PostgreSql.Recommendations;
using VocEdWeek.Bot.Storage.PostgreSql.Reminders;
using VocEdWeek.Bot.Storage.PostgreSql.Scheduling;
using VocEdWeek.Bot.Storage.PostgreSql.Settings;
using VocEdWeek.Bot.Storage.PostgreSql.Submissions;
using VocEdWeek.Bot.Storage.PostgreSql.UploadPage;
using VocEdWeek.Bot.Storage.PostgreSql.WeekSetup;
using VocEdWeek.Bot.Storage.PostgreSql.Weeks;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Weeks;
using VocEdWeek.Bot.Weeks.Settings;
using VocEdWeek.Bot.Weeks.Store;

namespace VocEdWeek.Bot.Storage;

/// <summary>
/// The one place that picks how records are kept (<c>Storage:Provider</c>): every store is registered as its interface,
/// so the rest of the bot never knows which database it talks to.
/// </summary>
public static class StorageExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBoundOptions<StorageOptions>("Storage", o => o.Problem(configuration.GetConnectionString(StorageOptions.ConnectionName), configuration["Links:SigningKey"])
            ?? BoundOptions.Positive("Storage:LeaseSweep", o.LeaseSweep));
        services.AddSingleton(InstanceName.From(configuration));

        // An unknown provider is composed as LiteDb and stopped by the check above before anything opens a database.
        var storage = new StorageOptions { Provider = configuration["Storage:Provider"] ?? StorageOptions.LiteDb };
        if (storage.UsesPostgreSql) AddPostgreSql(services, configuration);
        else AddLiteDb(services);
        return services;
    }

    private static void AddLiteDb(IServiceCollection services)
    {
        // Only here: on PostgreSQL no LiteDB file is opened, and so no folder lock (StorageLock) is taken either.
        services.AddSingleton<BotDatabase>();
        services.AddSingleton<IAtomicWrites, LiteDbAtomicWrites>();
        services.AddSingleton<ISlotStore, LiteDbSlotStore>();
        services.AddSingleton<IMediaStore, LiteDbMediaStore>();
        services.AddSingleton<IConversationStore, LiteDbConversationStore>();
        services.AddSingleton<ISettingsStore, LiteDbSettingsStore>();
        services.AddSingleton<IKnownUserStore, LiteDbKnownUserStore>();
        services.AddSingleton<IUploadAcknowledgementStore, LiteDbUploadAcknowledgementStore>();
        services.AddSingleton<IOutboxStore, LiteDbOutboxStore>();
        services.AddSingleton<IReminderLogStore, LiteDbReminderLogStore>();
        services.AddSingleton<IDatabaseHealth, LiteDbHealth>();
        services.AddSingleton<ISubmissionStore, LiteDbSubmissionStore>();
        services.AddSingleton<IWeekStore, LiteDbWeekStore>();
        services.AddSingleton<ISettingsLogStore, LiteDbSettingsLogStore>();
        services.AddSingleton<IPendingChangeStore, LiteDbPendingChangeStore>();
        services.AddSingleton<ISetupPendingStore, LiteDbSetupPendingStore>();
        services.AddSingleton<IExportStore, LiteDbExportStore>();
        services.AddSingleton<IPickStore, LiteDbPickStore>();
        services.AddSingleton<IOnceClaims, LiteDbOnceClaims>();
        services.AddSingleton<ISchedulerLeadership, LiteDbSchedulerLeadership>();
        services.AddSingleton<IWeekChangeSignal, LiteDbWeekChangeSignal>();
    }

    private static void AddPostgreSql(IServiceCollection services, IConfiguration configuration)
    {
        // Whoever first asks for the database gets it migrated; PgStartup asks at start, before the other hosted services.
        services.AddSingleton(sp => PgDatabase.OpenMigrated(
            configuration.GetConnectionString(StorageOptions.ConnectionName), sp.GetRequiredService<ILogger<PgMigrations>>()));
        services.AddHostedService<PgStartup>();
        // Next, before any worker: record this instance and refuse a local file store another host cannot read.
        services.AddSingleton(sp => new RunningInstance(sp.GetRequiredService<InstanceName>().Value, Environment.MachineName,
            sp.GetService<IRemoteFileStore>() is null ? RunningInstance.LocalStore : RunningInstance.SharePointStore));
        services.AddHostedService<PgInstanceRegistry>();
        services.AddSingleton<IAtomicWrites, PgAtomicWrites>();
        services.AddSingleton<ISlotStore, PgSlotStore>();
        services.AddSingleton<IMediaStore, PgMediaStore>();
        services.AddSingleton<IConversationStore, PgConversationStore>();
        services.AddSingleton<ISettingsStore, PgSettingsStore>();
        services.AddSingleton<IKnownUserStore, PgKnownUserStore>();
        services.AddSingleton<IUploadAcknowledgementStore, PgUploadAcknowledgementStore>();
        services.AddSingleton<IOutboxStore, PgOutboxStore>();
        services.AddSingleton<IReminderLogStore, PgReminderLogStore>();
        services.AddSingleton<IDatabaseHealth, PgHealth>();
        services.AddSingleton<ISubmissionStore, PgSubmissionStore>();
        services.AddSingleton<IWeekStore, PgWeekStore>();
        services.AddSingleton<ISettingsLogStore, PgSettingsLogStore>();
        services.AddSingleton<IPendingChangeStore, PgPendingChangeStore>();
        services.AddSingleton<ISetupPendingStore, PgSetupPendingStore>();
        services.AddSingleton<IExportStore, PgExportStore>();
        services.AddSingleton<IPickStore, PgPickStore>();
        services.AddSingleton<IOnceClaims, PgOnceClaims>();
        // Several instances: one scheduler leader (taken over when it dies), and every instance hears week changes.
        services.AddSingleton<ISchedulerLeadership, PgSchedulerLeadership>();
        services.AddHostedService<PgLeaderRetry>();
        services.AddSingleton<IWeekChangeSignal, PgWeekChangeSignal>();
        services.AddHostedService<PgWeekChangeListener>();
        // The work of an instance that died and did not come back: its sends closed, its downloads taken over.
        services.AddSingleton<LeaseSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<LeaseSweep>());
    }
}
