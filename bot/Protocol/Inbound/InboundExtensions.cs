namespace VocEdWeek.Bot.Protocol.Inbound;

public static class InboundExtensions
{
    /// <summary>The per-user and per-conversation inbound allowance (<see cref="InboundOptions"/>).</summary>
    public static IServiceCollection AddInboundLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(InboundOptions.Section).Get<InboundOptions>() ?? new InboundOptions();
        options.ThrowIfInvalid();
        services.AddSingleton(options);
        services.AddSingleton<InboundLimiter>();
        services.AddSingleton<SlowDownNotices>();
        return services;
    }
}
