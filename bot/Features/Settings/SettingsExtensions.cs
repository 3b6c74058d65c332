namespace VocEdWeek.Bot.Features.Settings;

public static class SettingsExtensions
{
    /// <summary>
    /// Changing the week from Teams: "设置" and its shortcuts, the confirm card, "设置记录", "导出活动周设置". Its rows in
    /// <c>Routes</c> come before the office questions, the exports and the forms: "日报时间 11:30" or "导出活动周设置" belong here.
    /// </summary>
    public static IServiceCollection AddSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SettingsCards>();
        services.AddSingleton<WeekExemption>();
        services.AddSingleton<SettingsHandler>();
        services.AddSingleton<SettingsConfirmHandler>();
        services.AddSingleton<SettingsLogHandler>();
        services.AddSingleton<WeekExportHandler>();
        // Not an IExportWriter: the week file is no part of "导出全部", and only admins export it.
        services.AddSingleton<WeekSettingsWriter>();
        return services;
    }
}
