namespace VocEdWeek.Bot.Features.MySubmissions;

public static class MySubmissionsExtensions
{
    /// <summary>"我的提交": a liaison's own submissions.</summary>
    public static IServiceCollection AddMySubmissions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MySubmissionsCard>();
        services.AddSingleton<MySubmissionsHandler>();
        return services;
    }
}
