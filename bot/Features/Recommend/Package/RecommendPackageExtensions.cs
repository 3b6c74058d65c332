using VocEdWeek.Bot.Features.Exports;

namespace VocEdWeek.Bot.Features.Recommend.Package;

public static class RecommendPackageExtensions
{
    /// <summary>"导出推荐材料": the package's three writers, built and kept by the export pipeline like every export.</summary>
    public static IServiceCollection AddRecommendPackage(this IServiceCollection services)
    {
        services.AddSingleton<PackageReader>();
        services.AddSingleton<IExportWriter, RecommendCompilationWriter>();
        services.AddSingleton<IExportWriter, RecommendIndexWriter>();
        services.AddSingleton<IExportWriter, RecommendMediaWriter>();
        return services;
    }
}
