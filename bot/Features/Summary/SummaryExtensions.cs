using VocEdWeek.Bot.Features.Forms;

namespace VocEdWeek.Bot.Features.Summary;

public static class SummaryExtensions
{
    /// <summary>The summary form.</summary>
    public static IServiceCollection AddSummary(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SummaryService>();
        services.AddSingleton<SummaryForm>();
        services.AddSingleton<IForm>(sp => sp.GetRequiredService<SummaryForm>());
        services.AddSingleton<SummaryHandler>();
        return services;
    }
}
