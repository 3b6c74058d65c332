using VocEdWeek.Bot.Files.Publishing;
using VocEdWeek.Bot.Files.SharePoint;

namespace VocEdWeek.Bot.Files;

public static class FileIntakeExtensions
{
    /// <summary>
    /// Files sent to the bot: the local store, media, the intake worker; and the office's SharePoint library through
    /// Microsoft Graph (IRemoteFileStore), only when a site is configured, with the upload worker that copies files there.
    /// </summary>
    public static IServiceCollection AddFileIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(FileIntakeOptions.From(configuration));
        services.AddSingleton<IFileSync>(DiskFileSync.Instance);
        services.AddSingleton<IFileStore, LocalFileStore>();
        services.AddSingleton<MediaArrival>();
        services.AddSingleton<MediaContent>();
        services.AddSingleton<FileFetcher>();
        services.AddSingleton<FileIntakeWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<FileIntakeWorker>());
        services.AddSingleton<FileIntakeHandler>();
        services.AddSharePoint(configuration);
        services.AddRemoteUpload(configuration);
        return services;
    }
}
