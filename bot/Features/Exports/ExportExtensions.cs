using VocEdWeek.Bot.Hosting;
using VocEdWeek.Bot.Features.Exports.Writers;

namespace VocEdWeek.Bot.Features.Exports;

/// <summary>Registrations of the export feature (its writers included).</summary>
public static class ExportExtensions
{
    public static IServiceCollection AddExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBoundOptions<ExportOptions>("Exports", o =>
            BoundOptions.Positive("Exports:HousekeepingInterval", o.HousekeepingInterval)
            ?? (o.RecommendMaxVideoBytes > 0 ? null : $"Exports:RecommendMaxVideoBytes must be a positive number of bytes; got {o.RecommendMaxVideoBytes}."));
        services.AddSingleton<ExportHousekeeping>();
        services.AddHostedService(sp => sp.GetRequiredService<ExportHousekeeping>());
        services.AddSingleton<ExportService>();
        services.AddSingleton<ExportLinks>();
        services.AddSingleton<ExportCard>();
        services.AddSingleton<ExportJobs>();
        services.AddSingleton<ExportHandler>();
        services.AddSingleton<FileConsentHandler>();
        // What the office passes upward (统计表, 信息采集表, 日报登记表, 媒体素材清单, 总结汇编).
        services.AddExportWriters();
        return services;
    }
}
