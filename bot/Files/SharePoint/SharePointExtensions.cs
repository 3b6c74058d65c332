namespace VocEdWeek.Bot.Files.SharePoint;

public static class SharePointExtensions
{
    /// <summary>
    /// Registers the SharePoint store as <see cref="IRemoteFileStore"/> when a site (or drive) is configured;
    /// otherwise nothing (files stay in the local store). Bad settings stop start-up.
    /// </summary>
    public static IServiceCollection AddSharePoint(this IServiceCollection services, IConfiguration configuration)
    {
        // The host registers its environment up front; anonymous Graph is refused in Production like the bot's own.
        var environment = services.Select(d => d.ImplementationInstance).OfType<IHostEnvironment>().FirstOrDefault();
        var settings = SharePointSettings.From(configuration, environment?.EnvironmentName);
        if (settings is null) return services;

        services.AddSingleton(settings);
        services.AddSingleton(sp => new GraphTokenProvider(() => GraphCredentials.Create(settings), settings.Scope, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new GraphDriveApi(CreateHttpClient(settings), sp.GetRequiredService<GraphTokenProvider>(), settings.GraphBaseUrl));
        services.AddSingleton<SharePointFileStore>();
        services.AddSingleton<IRemoteFileStore>(sp => sp.GetRequiredService<SharePointFileStore>());
        return services;
    }

    /// <summary>One long-lived client: pooled connections renewed now and then (DNS), no Graph middleware (the store retries itself).</summary>
    public static HttpClient CreateHttpClient(SharePointSettings settings) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10), AutomaticDecompression = System.Net.DecompressionMethods.All })
        {
            Timeout = settings.RequestTimeout,
        };
}
