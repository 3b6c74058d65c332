using VocEdWeek.Bot.Hosting;
using VocEdWeek.Bot.Scheduling;

namespace VocEdWeek.Bot.Features.Digest;

public static class DigestExtensions
{
    /// <summary>The scheduled progress digest in the office channel.</summary>
    public static IServiceCollection AddDigest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBoundOptions<DigestOptions>("Digest");
        services.AddSingleton<DigestBuilder>();
        services.AddSingleton<DigestCards>();
        services.AddSingleton<DigestSlots>();
        services.AddSingleton<ISlotSource>(sp => sp.GetRequiredService<DigestSlots>());
        return services;
    }
}
