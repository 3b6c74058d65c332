using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VocEdWeek.Bot.Platform;

namespace VocEdWeek.Bot.Hosting;

public static class ClockExtensions
{
    /// <summary>The real clock, or the rehearsal clock when <c>Clock:StartAt</c> is set (refused in Production).</summary>
    public static IServiceCollection AddClock(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var startAt = configuration["Clock:StartAt"];
        if (string.IsNullOrWhiteSpace(startAt))
        {
            services.TryAddSingleton(TimeProvider.System);
            return services;
        }
        if (environment.IsProduction())
            throw new ConfigurationException("Clock:StartAt is for rehearsals and tests; remove it in Production.");
        if (!DateTimeOffset.TryParse(startAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            throw new ConfigurationException($"Clock:StartAt '{startAt}' is not a date-time with offset like 2024-05-14T09:30:00+08:00.");
        services.AddSingleton<TimeProvider>(new RehearsalTimeProvider(start, TimeProvider.System, StartedAt(configuration)));
        // Tokens from real Teams carry real times: the protocol keeps checking them on the real clock.
        services.AddSingleton(new WallClock(TimeProvider.System));
        return services;
    }

    /// <summary><c>Clock:StartAtUtcInstant</c>: the real instant the rehearsal clock reads StartAt (several instances share one clock).</summary>
    private static DateTimeOffset? StartedAt(IConfiguration configuration)
    {
        var text = configuration["Clock:StartAtUtcInstant"];
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at
            : throw new ConfigurationException($"Clock:StartAtUtcInstant '{text}' is not a date-time with offset like 2026-12-05T08:00:00Z.");
    }
}
