namespace VocEdWeek.Bot.Features.WeekSetup;

public static class WeekSetupExtensions
{
    /// <summary>"新建活动周" from the notice, "导入名单" from the sheet, the template, and the buttons of their cards.</summary>
    public static IServiceCollection AddWeekSetup(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(WeekSetupOptions.From(configuration));
        services.AddSingleton<SetupFiles>();
        services.AddSingleton<SetupActor>();
        services.AddSingleton<SetupReceipt>();
        services.AddSingleton<WeekDraftCard>();
        services.AddSingleton<RosterPreviewCard>();
        services.AddSingleton<NewWeekHandler>();
        services.AddSingleton<CreateWeekHandler>();
        services.AddSingleton<RosterImportHandler>();
        services.AddSingleton<RosterApplyHandler>();
        services.AddSingleton<Files.IOfficeFileHandler, OfficeFiles>();
        return services;
    }
}
