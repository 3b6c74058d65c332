using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace VocEdWeek.Bot.Protocol.Auth;

/// <summary>
/// Fetches the metadata document, then its <c>jwks_uri</c> once, and builds an <see cref="EndorsedConfiguration"/>
/// from that single JWKS response (the stock retriever would parse the keys but drop the endorsements).
/// </summary>
public sealed class EndorsedConfigurationRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    private long _generation;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var metadata = await retriever.GetDocumentAsync(address, cancel);
        var configuration = new EndorsedConfiguration(metadata);
        if (string.IsNullOrWhiteSpace(configuration.JwksUri))
            throw new InvalidOperationException($"OpenID metadata at {address} has no jwks_uri.");
        var jwks = await retriever.GetDocumentAsync(configuration.JwksUri, cancel);
        configuration.LoadKeys(jwks, Interlocked.Increment(ref _generation));
        return configuration;
    }
}
