using VocEdWeek.Bot.Hosting;

namespace VocEdWeek.Bot.Scheduling;

public static class SchedulingExtensions
{
    /// <summary>The scheduler; features add their <see cref="ISlotSource"/>s and one <see cref="IScheduleWindow"/> (its <see cref="ISlotStore"/> and <see cref="ISchedulerLeadership"/> come from AddStorage).</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBoundOptions<SchedulingOptions>("Scheduling", o =>
            BoundOptions.Positive("Scheduling:TickInterval", o.TickInterval) ?? BoundOptions.Positive("Scheduling:LeaderRetry", o.LeaderRetry));
        services.AddSingleton<Scheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<Scheduler>());
        return services;
    }
}
