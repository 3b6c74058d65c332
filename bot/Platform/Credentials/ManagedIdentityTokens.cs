using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace VocEdWeek.Bot.Platform.Credentials;

/// <summary>
/// Tokens of a user-assigned managed identity through Azure.Identity: on App Service from <c>IDENTITY_ENDPOINT</c> with
/// <c>IDENTITY_HEADER</c> (both set by the platform), else from the VM's instance metadata endpoint. Azure.Identity
/// (MSAL underneath) keeps each token in a process-wide cache and serves it until shortly before it expires, so
/// asking again is cheap; the caller keeps to one request at a time.
/// </summary>
public sealed class ManagedIdentityTokens
{
    private readonly ManagedIdentityCredential credential;
    private readonly string scope;

    public ManagedIdentityTokens(string clientId, string scope, HttpClient? http = null)
    {
        var options = new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(clientId));
        // Pooled handlers from IHttpClientFactory instead of Azure.Core's own client.
        if (http is not null) options.Transport = new HttpClientTransport(http);
        credential = new ManagedIdentityCredential(options);
        this.scope = scope;
    }

    /// <summary>Throws <see cref="AuthenticationFailedException"/> when the endpoint refuses or is missing (see <see cref="IdentityErrors"/>).</summary>
    public async Task<(string Token, DateTimeOffset ExpiresOn)> GetTokenAsync(CancellationToken ct)
    {
        var token = await credential.GetTokenAsync(new TokenRequestContext([scope]), ct);
        return (token.Token, token.ExpiresOn);
    }
}
