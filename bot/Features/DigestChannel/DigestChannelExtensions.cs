namespace VocEdWeek.Bot.Features.DigestChannel;

public static class DigestChannelExtensions
{
    /// <summary>Choosing the office channel for the digest ("设为通知频道"), finding it again, and the start-up announcement.</summary>
    public static IServiceCollection AddDigestChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DigestChannelHandler>();
        services.AddSingleton<DigestChannelLocator>();
        services.AddSingleton<DigestChannelStatus>();
        services.AddHostedService<StartupAnnouncer>();
        return services;
    }
}
