namespace VocEdWeek.Bot.Features.Exports.Writers;

/// <summary>Registers the five export writers (one per <see cref="ExportKind"/>) behind <see cref="IExportWriter"/>.</summary>
public static class ExportWritersExtensions
{
    public static IServiceCollection AddExportWriters(this IServiceCollection services)
    {
        services.AddSingleton<ExportSource>();
        services.AddSingleton<IExportWriter, StatisticsExportWriter>();
        services.AddSingleton<IExportWriter, PlanInfoExportWriter>();
        services.AddSingleton<IExportWriter, ReportRegisterExportWriter>();
        services.AddSingleton<IExportWriter, MediaIndexExportWriter>();
        services.AddSingleton<IExportWriter, SummaryCompilationWriter>();
        return services;
    }
}
