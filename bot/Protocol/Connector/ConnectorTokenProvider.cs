using Microsoft.Identity.Client;

namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>
/// The bot's own access token for the Bot Connector (client credentials, protocol.md §2): authority
/// <see cref="BotFrameworkOptions.LoginAuthority"/>, scope <see cref="BotFrameworkOptions.OAuthScope"/>.
/// MSAL's in-memory app cache serves the token until shortly before expiry; a semaphore keeps it to one
/// acquisition at a time. In anonymous mode (no MicrosoftAppId) there is no token at all.
/// The same token downloads inline images from the connector's <c>/v3/attachments</c> (protocol.md §7).
/// </summary>
public sealed class ConnectorTokenProvider
{
    /// <summary>Hosts MSAL knows; any other authority (e.g. a test server) is used as given, without discovery.</summary>
    private static readonly HashSet<string> KnownAuthorityHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "login.microsoftonline.com",
        "login.microsoftonline.us",
        "login.partner.microsoftonline.cn",
        "login.chinacloudapi.cn",
    };

    private readonly IConfidentialClientApplication? app;
    private readonly string[] scopes;
    private readonly SemaphoreSlim gate = new(1, 1);

    public ConnectorTokenProvider(BotFrameworkOptions options, IMsalHttpClientFactory httpClientFactory)
    {
        scopes = [options.OAuthScope];
        if (options.IsAnonymous) return;

        var authority = options.LoginAuthority;
        var known = Uri.TryCreate(authority, UriKind.Absolute, out var uri) && KnownAuthorityHosts.Contains(uri.Host);
        var builder = ConfidentialClientApplicationBuilder.Create(options.MicrosoftAppId)
            .WithClientSecret(options.MicrosoftAppPassword)
            .WithAuthority(authority, validateAuthority: known)
            .WithHttpClientFactory(httpClientFactory);
        if (!known) builder = builder.WithInstanceDiscovery(false);
        app = builder.Build();
    }

    /// <summary>False in anonymous mode: requests go out without an Authorization header.</summary>
    public bool IsEnabled => app is not null;

    /// <summary>A valid bearer token, or null in anonymous mode. Throws <see cref="MsalException"/> when Entra refuses.</summary>
    public async Task<string?> GetTokenAsync(CancellationToken ct = default)
    {
        if (app is null) return null;
        await gate.WaitAsync(ct);
        try
        {
            var result = await app.AcquireTokenForClient(scopes).ExecuteAsync(ct);
            return result.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }
}
