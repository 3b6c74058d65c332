using VocEdWeek.Bot.Protocol.Auth;
using VocEdWeek.Bot.Protocol.Connector;

namespace VocEdWeek.Bot.Protocol;

/// <summary>The one call that wires the Bot Framework wire layer. Swap this to adopt an official SDK.</summary>
public static class ProtocolExtensions
{
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new BotFrameworkOptions();
        configuration.Bind(options);
        BotFrameworkOptionsValidator.ThrowIfInvalid(options);
        if (options.IsAnonymous && environment.IsProduction())
        {
            throw new ConfigurationException(
                "MicrosoftAppId is empty, which turns off all authentication; set it (with MicrosoftAppPassword) or run with ASPNETCORE_ENVIRONMENT=Development for local testing.");
        }
        services.AddSingleton(options);
        services.AddSingleton<ActivityDeduplicator>();

        if (options.IsAnonymous)
        {
            services.AddSingleton<IInboundAuthenticator, AnonymousAuthenticator>();
        }
        else
        {
            services.AddSingleton<IInboundAuthenticator, AnonymousAuthenticator>(); // replaced by the JWT authenticator
        }

        services.AddBotConnector(configuration);
        return services;
    }
}
