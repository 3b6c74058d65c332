namespace VocEdWeek.Bot.Features.Exports;

/// <summary>Registrations of the export feature (the writers come from <c>AddExportWriters</c>).</summary>
public static class ExportExtensions
{
    public static IServiceCollection AddExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Exports").Get<ExportOptions>() ?? new ExportOptions());
        services.AddSingleton<ExportHousekeeping>();
        services.AddHostedService(sp => sp.GetRequiredService<ExportHousekeeping>());
        services.AddSingleton<ExportStore>();
        services.AddSingleton<ExportService>();
        services.AddSingleton<ExportLinks>();
        services.AddSingleton<ExportCard>();
        services.AddSingleton<ExportJobs>();
        services.AddSingleton<ExportHandler>();
        services.AddSingleton<FileConsentHandler>();
        return services;
    }
}
