using System.Net.Http.Headers;

namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>
/// Puts the bot's bearer token on connector requests; registered on the connector HttpClient only, so the
/// token never reaches any other host. It is never sent over plain http except to a loopback address (tests, Emulator).
/// </summary>
public sealed class ConnectorAuthHandler(ConnectorTokenProvider tokens, ILogger<ConnectorAuthHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (tokens.IsEnabled && request.RequestUri is { } uri)
        {
            if (IsSafeTarget(uri))
            {
                var token = await tokens.GetTokenAsync(cancellationToken);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            else
            {
                ConnectorLog.TokenWithheld(logger, uri.Host);
            }
        }
        return await base.SendAsync(request, cancellationToken);
    }

    internal static bool IsSafeTarget(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
}
