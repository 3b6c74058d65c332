using VocEdWeek.Bot.Weeks.Settings;
using VocEdWeek.Bot.Weeks.Store;

namespace VocEdWeek.Bot.Weeks;

public static class WeekExtensions
{
    /// <summary>The weeks in the database (their stores come from AddStorage), seeded from the configured files; the editor that changes them.</summary>
    public static IServiceCollection AddWeeks(this IServiceCollection services, IConfiguration configuration)
    {
        // Read here, at registration, so a wrong week file (or Office:Admins entry) stops start-up naming file, line and field.
        WeekSeeding.LoadFiles(configuration);
        services.AddSingleton(OfficeAdmins.From(configuration));
        services.AddSingleton(sp =>
        {
            var store = sp.GetRequiredService<IWeekStore>();
            var time = sp.GetRequiredService<TimeProvider>();
            WeekSeeding.Seed(store, configuration, time, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WeekSeeding)),
                sp.GetRequiredService<IWeekChangeSignal>());
            return new WeekCatalog(store, sp.GetRequiredService<OfficeAdmins>(), time);
        });
        services.AddSingleton<WeekEditor>();
        return services;
    }
}
