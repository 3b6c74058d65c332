namespace VocEdWeek.Bot.Features.FileStatus;

public static class FileStatusExtensions
{
    /// <summary>Office staff: what is still waiting for SharePoint, and why ("文件状态", "重试上传").</summary>
    public static IServiceCollection AddFileStatus(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<FileStatusCard>();
        services.AddSingleton<FileStatusHandler>();
        return services;
    }
}
