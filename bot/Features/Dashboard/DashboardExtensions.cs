using VocEdWeek.Bot.Features.Dashboard.SignIn;
using VocEdWeek.Bot.Hosting;

namespace VocEdWeek.Bot.Features.Dashboard;

public static class DashboardExtensions
{
    /// <summary>The office's live dashboard: the "看板" command (before the office questions) and the page's services.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBoundOptions<DashboardOptions>("Dashboard");
        services.AddSingleton<DashboardLinks>();
        services.AddSingleton<DashboardBuilder>();
        services.AddSingleton<DashboardPage>();
        services.AddSingleton<DepartmentPage>();
        services.AddSingleton<RosterPage>();
        // The personal tab signed in with Teams SSO (GET /tab, POST /tab/session); off until an Entra app is configured.
        services.AddTabSignIn(configuration);
        services.AddSingleton<DashboardHandler>();
        return services;
    }
}
