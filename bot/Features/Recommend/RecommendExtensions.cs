namespace VocEdWeek.Bot.Features.Recommend;

public static class RecommendExtensions
{
    /// <summary>择优推荐 (office staff pick the week's best) and 自荐 (liaisons nominate up to three of their own).</summary>
    public static IServiceCollection AddRecommend(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CandidateReader>();
        services.AddSingleton<RecommendCard>();
        services.AddSingleton<RecommendViews>();
        services.AddSingleton<PickApplier>();
        services.AddSingleton<RecommendHandler>();
        services.AddSingleton<NominateHandler>();
        return services;
    }
}
