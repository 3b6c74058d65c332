using VocEdWeek.Bot.Features.Forms;

namespace VocEdWeek.Bot.Features.Plan;

public static class PlanExtensions
{
    /// <summary>The activity plan form.</summary>
    public static IServiceCollection AddPlan(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PlanForm>();
        services.AddSingleton<IForm>(sp => sp.GetRequiredService<PlanForm>());
        services.AddSingleton<PlanHandler>();
        return services;
    }
}
