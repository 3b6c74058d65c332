namespace VocEdWeek.Bot.Features.Welcome;

public static class WelcomeExtensions
{
    /// <summary>The welcome card and what happens when the bot is installed or removed.</summary>
    public static IServiceCollection AddWelcome(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<WelcomeHandler>();
        services.AddSingleton<InstallHandler>();
        return services;
    }
}
