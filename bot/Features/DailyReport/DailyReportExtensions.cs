using VocEdWeek.Bot.Features.Forms;

namespace VocEdWeek.Bot.Features.DailyReport;

public static class DailyReportExtensions
{
    /// <summary>The daily report form.</summary>
    public static IServiceCollection AddDailyReport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ReportChoices>();
        services.AddSingleton<DailyReportForm>();
        services.AddSingleton<IForm>(sp => sp.GetRequiredService<DailyReportForm>());
        services.AddSingleton<DailyReportHandler>();
        return services;
    }
}
