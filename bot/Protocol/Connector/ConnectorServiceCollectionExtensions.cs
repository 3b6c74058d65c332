using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Client;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>Registers the outbound connector: token, pacing, retries, and <see cref="IMessenger"/>.</summary>
public static class ConnectorServiceCollectionExtensions
{
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ConnectorOptions.Section).Get<ConnectorOptions>() ?? new ConnectorOptions();
        options.ThrowIfInvalid();
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(MsalHttpClientFactory.HttpClientName);
        services.AddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        services.AddSingleton<ConnectorTokenProvider>();
        services.AddTransient<ConnectorAuthHandler>();
        // Without IHttpClientFactory's four Information lines per call (start, send, headers, end, each with the URL):
        // ConnectorClient logs every call that fails, is retried or given up, with its operation, status and error code.
        services.AddHttpClient(ConnectorClient.HttpClientName, http => http.Timeout = options.RequestTimeout)
            .AddHttpMessageHandler<ConnectorAuthHandler>()
            .RemoveAllLoggers();

        services.AddSingleton<ConnectorRateLimiter>();
        services.AddSingleton<ConnectorRetryPolicy>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<ConnectorMessenger>();
        services.AddSingleton<IMessenger>(sp => sp.GetRequiredService<ConnectorMessenger>());
        return services;
    }
}
