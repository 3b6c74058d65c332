namespace VocEdWeek.Bot.Features.Office;

public static class OfficeExtensions
{
    /// <summary>Office staff: questions in plain words ("今天谁还没报送"), full progress, 免报.</summary>
    public static IServiceCollection AddOffice(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MissingCard>();
        services.AddSingleton<ProgressCard>();
        services.AddSingleton<OfficeAnswers>();
        services.AddSingleton<OfficeQuestionHandler>();
        services.AddSingleton<OfficeProgressHandler>();
        services.AddSingleton<ExemptionHandler>();
        services.AddHostedService<OfficeWarmUp>();
        return services;
    }
}
