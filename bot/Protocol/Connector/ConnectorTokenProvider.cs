using Microsoft.Identity.Client;
using VocEdWeek.Bot.Platform.Credentials;

namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>
/// The bot's own access token for the Bot Connector (protocol.md §2), scope <see cref="BotFrameworkOptions.OAuthScope"/>:
/// client credentials from <see cref="BotFrameworkOptions.LoginAuthority"/> (SingleTenant, MultiTenant), or the
/// user-assigned managed identity (<c>UserAssignedMSI</c>, <see cref="ManagedIdentityTokens"/>). The token is kept here
/// until five minutes before it expires, on the real clock as MSAL keeps it (Entra's times are real, in a rehearsal and
/// under a test's fake clock alike), so a reply takes no lock and no trip through MSAL's cache; after that MSAL's
/// in-memory cache (under Azure.Identity too) gives it or a new one, one acquisition at a time (a semaphore).
/// In anonymous mode (no MicrosoftAppId) there is no token at all.
/// The same token downloads inline images from the connector's <c>/v3/attachments</c> (protocol.md §7).
/// </summary>
public sealed class ConnectorTokenProvider : IConnectorTokenSource
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
    private readonly ManagedIdentityTokens? managedIdentity;
    private readonly string[] scopes;
    /// <summary>MSAL and Azure.Identity also treat a token within five minutes of its expiry as expired.</summary>
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly TimeProvider clock = TimeProvider.System;
    private volatile KeptToken? kept;

    public ConnectorTokenProvider(BotFrameworkOptions options, IMsalHttpClientFactory httpClientFactory)
    {
        scopes = [options.OAuthScope];
        if (options.IsAnonymous) return;
        if (options.IsUserAssignedMsi)
        {
            managedIdentity = new ManagedIdentityTokens(options.MicrosoftAppId, options.OAuthScope, httpClientFactory.GetHttpClient());
            return;
        }

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
    public bool IsEnabled => app is not null || managedIdentity is not null;

    /// <summary>
    /// A valid bearer token, or null in anonymous mode. Throws what the token request threw (<see cref="MsalException"/>,
    /// or Azure.Identity's <c>AuthenticationFailedException</c>); <see cref="IdentityErrors.Describe"/> says it in words.
    /// </summary>
    public async Task<string?> GetTokenAsync(CancellationToken ct = default)
    {
        if (!IsEnabled) return null;
        if (kept is { } token && clock.GetUtcNow() < token.RenewAt) return token.Value;
        await gate.WaitAsync(ct);
        try
        {
            if (kept is { } fresh && clock.GetUtcNow() < fresh.RenewAt) return fresh.Value;
            var (value, expiresOn) = managedIdentity is not null
                ? await managedIdentity.GetTokenAsync(ct)
                : await AcquireAsync(ct);
            kept = new KeptToken(value, expiresOn - RenewBefore);
            return value;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(string, DateTimeOffset)> AcquireAsync(CancellationToken ct)
    {
        var result = await app!.AcquireTokenForClient(scopes).ExecuteAsync(ct);
        return (result.AccessToken, result.ExpiresOn);
    }

    private sealed record KeptToken(string Value, DateTimeOffset RenewAt);
}
