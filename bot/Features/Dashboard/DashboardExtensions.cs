using VocEdWeek.Bot.App;

namespace VocEdWeek.Bot.Features.Dashboard;

public static class DashboardExtensions
{
    /// <summary>The office's live dashboard: the "看板" command (before the office questions) and the page's services.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Dashboard").Get<DashboardOptions>() ?? new DashboardOptions());
        services.AddSingleton<DashboardLinks>();
        services.AddSingleton<DashboardBuilder>();
        services.AddSingleton<DashboardPage>();
        services.AddSingleton<DashboardHandler>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<DashboardHandler>());
        return services;
    }
}
