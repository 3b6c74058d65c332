using Microsoft.Extensions.DependencyInjection.Extensions;
using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Platform;
using VocEdWeek.Bot.Protocol.Auth;
using VocEdWeek.Bot.Protocol.Connector;
using VocEdWeek.Bot.Protocol.Inbound;

namespace VocEdWeek.Bot.Protocol;

/// <summary>The one call that wires the Bot Framework wire layer. Swap this to adopt an official SDK.</summary>
public static class ProtocolExtensions
{
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new BotFrameworkOptions();
        configuration.Bind(options);
        BotFrameworkOptionsValidator.ThrowIfInvalid(options);
        if (options.IsAnonymous) AnonymousBinding.ThrowIfExposed(configuration, environment);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new WallClock(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ActivityDeduplicator>();
        services.AddSingleton<EndpointLogger>();

        if (options.IsAnonymous)
        {
            services.AddSingleton<IInboundAuthenticator, AnonymousAuthenticator>();
            services.AddHostedService<AnonymousModeWarning>();
        }
        else
        {
            // Metadata and JWKS come through this named client so tests can trust a local HTTPS server.
            services.AddHttpClient(MetadataDocumentRetriever.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
            services.TryAddSingleton(TimeProvider.System);
            services.AddSingleton<IInboundAuthenticator, JwtInboundAuthenticator>();
        }

        services.AddBotConnector(configuration);
        services.AddInboundLimits(configuration);
        // Pasted images live on the connector and need the same bot token (null in anonymous mode).
        services.TryAddSingleton<IConnectorTokenSource>(sp => sp.GetRequiredService<ConnectorTokenProvider>());
        // No HttpClient timeout (a 2 GB video takes long): file intake sets idle and overall limits per download; a host
        // that does not even accept the connection is given up after Files:ConnectTimeout.
        var downloads = DownloadClientOptions.From(configuration, environment);
        services.AddSingleton(downloads);
        services.AddHttpClient<IFileDownloader, AttachmentDownloader>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { ConnectTimeout = downloads.ConnectTimeout });
        // Files a user accepted through a consent card go to their OneDrive upload session (no token, see ConsentUploader).
        var consent = configuration.GetSection(FileConsentOptions.Section).Get<FileConsentOptions>() ?? new FileConsentOptions();
        consent.ThrowIfInvalid();
        services.AddSingleton(consent);
        services.AddHttpClient<IFileUploader, ConsentUploader>(c => c.Timeout = TimeSpan.FromMinutes(2));
        return services;
    }
}
