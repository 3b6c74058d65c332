namespace VocEdWeek.Bot.Features.Exports;

/// <summary>Which kinds go out together.</summary>
public static class ExportKinds
{
    /// <summary>"导出全部": the five tables and documents of the notice (not the week file, not the recommendation package).</summary>
    public static IReadOnlyList<ExportKind> All { get; } =
        [ExportKind.Statistics, ExportKind.PlanInfo, ExportKind.ReportRegister, ExportKind.MediaIndex, ExportKind.SummaryCompilation];

    /// <summary>"导出推荐材料": the package passed upward is always its three files together.</summary>
    public static IReadOnlyList<ExportKind> Recommendation { get; } =
        [ExportKind.RecommendCompilation, ExportKind.RecommendIndex, ExportKind.RecommendMedia];

    public static bool IsRecommendation(ExportKind kind) => Recommendation.Contains(kind);
}
