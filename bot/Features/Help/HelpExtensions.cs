namespace VocEdWeek.Bot.Features.Help;

public static class HelpExtensions
{
    /// <summary>"帮助" and its card.</summary>
    public static IServiceCollection AddHelp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<HelpHandler>();
        return services;
    }
}
