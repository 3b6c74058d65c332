using VocEdWeek.Bot.Hosting;

namespace VocEdWeek.Bot.Files.Publishing;

public static class RemoteUploadExtensions
{
    /// <summary>The worker that copies stored files to SharePoint (idle unless an <see cref="IRemoteFileStore"/> is registered).</summary>
    public static IServiceCollection AddRemoteUpload(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBoundOptions<RemoteUploadOptions>("SharePoint", o => BoundOptions.Positive("SharePoint:QueuePollInterval", o.QueuePollInterval));
        services.AddSingleton<UploadSignal>();
        services.AddSingleton<RemoteUploadWorker>();
        services.AddSingleton<IMediaStoredObserver>(sp => sp.GetRequiredService<RemoteUploadWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<RemoteUploadWorker>());
        return services;
    }
}
