using VocEdWeek.Bot.Features.Forms;

namespace VocEdWeek.Bot.Features.Statistics;

public static class StatisticsExtensions
{
    /// <summary>The statistics form.</summary>
    public static IServiceCollection AddStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<StatisticsForm>();
        services.AddSingleton<IForm>(sp => sp.GetRequiredService<StatisticsForm>());
        services.AddSingleton<StatisticsHandler>();
        return services;
    }
}
