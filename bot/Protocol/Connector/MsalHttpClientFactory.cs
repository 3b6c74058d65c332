using Microsoft.Identity.Client;

namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>
/// Gives MSAL its HttpClient from <see cref="IHttpClientFactory"/> (named client <see cref="HttpClientName"/>),
/// so handlers are pooled and tests can swap the primary handler (e.g. to trust a local test certificate).
/// </summary>
public sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
{
    public const string HttpClientName = "VocEdWeek.Bot.Msal";

    public HttpClient GetHttpClient() => factory.CreateClient(HttpClientName);
}
