using VocEdWeek.Bot.Hosting;
using VocEdWeek.Bot.Outbox;
using VocEdWeek.Bot.Scheduling;

namespace VocEdWeek.Bot.Features.Reminders;

public static class ReminderExtensions
{
    /// <summary>One-click and automatic reminders, the reminder log (its store is the database's: AddStorage), and the week's schedule window.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBoundOptions<ReminderOptions>("Reminders");
        services.AddSingleton<ReminderPlan>();
        services.AddSingleton<IScheduleWindow>(sp => sp.GetRequiredService<ReminderPlan>());
        services.AddSingleton<ReminderCard>();
        services.AddSingleton<ReminderSender>();
        services.AddSingleton<RemindReceiptCard>();
        services.AddSingleton<ReminderLogCard>();
        services.AddSingleton<ReminderSlots>();
        services.AddSingleton<ISlotSource>(sp => sp.GetRequiredService<ReminderSlots>());
        services.AddSingleton<IOutboxGuard, ReminderGuard>();
        services.AddSingleton<RemindMissingHandler>();
        services.AddSingleton<ReminderLogHandler>();
        return services;
    }
}
