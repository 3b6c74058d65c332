using Microsoft.IdentityModel.Protocols;

namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>
/// Fetches OpenID metadata and key sets over HTTPS through a named <see cref="IHttpClientFactory"/> client,
/// so handlers rotate normally and tests can swap the primary handler to trust a local certificate.
/// </summary>
public sealed class MetadataDocumentRetriever(IHttpClientFactory clients) : IDocumentRetriever
{
    public const string HttpClientName = "BotFrameworkMetadata";

    // A fresh HttpDocumentRetriever per call is cheap and keeps the library's HTTPS and status checks.
    public Task<string> GetDocumentAsync(string address, CancellationToken cancel) =>
        new HttpDocumentRetriever(clients.CreateClient(HttpClientName)) { RequireHttps = true }
            .GetDocumentAsync(address, cancel);
}
