using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Protocol.Auth;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// The bot as <see cref="TestHost"/> builds it with <see cref="TestHostOptions.Identity"/>: a single-tenant app registration
/// pointed at a <see cref="FakeBotFrameworkIdentity"/>, its metadata HttpClient trusting that server's certificate.
/// </summary>
public static class AuthenticatedBot
{
    public const string AppId = "3f2a6c1e-8b4d-4e8a-9c1f-2d7e5a9b0c41";
    public const string TenantId = "9b1d7e3a-2c4f-4a6b-8d0e-1f3a5c7e9b2d";

    /// <summary>The settings that switch authentication on; no Clock:StartAt, because real Teams tokens carry real times.</summary>
    internal static Dictionary<string, string?> Settings(FakeBotFrameworkIdentity identity) => new()
    {
        ["MicrosoftAppType"] = "SingleTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "test-secret-not-used",
        ["MicrosoftAppTenantId"] = TenantId,
        ["ToBotFromChannelOpenIdMetadataUrl"] = identity.ChannelMetadataUrl,
        ["ToBotFromChannelTokenIssuer"] = identity.ChannelIssuer,
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = identity.EmulatorMetadataUrl,
        ["AcceptEmulatorTokens"] = "false",
        ["Clock:StartAt"] = null,
    };

    internal static void TrustMetadataServer(IServiceCollection services, FakeBotFrameworkIdentity identity) =>
        services.AddHttpClient(MetadataDocumentRetriever.HttpClientName).ConfigurePrimaryHttpMessageHandler(identity.CreateTrustingHandler);

    /// <summary>POSTs an activity to /api/messages with the given Authorization header value (null = none).</summary>
    public static async Task<HttpResponseMessage> PostActivityAsync(this TestHost host, JsonObject activity, string? authorization)
    {
        using var client = host.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await client.SendAsync(request);
    }

    /// <summary>POSTs with <c>Authorization: Bearer {token}</c>.</summary>
    public static Task<HttpResponseMessage> PostActivityWithTokenAsync(this TestHost host, JsonObject activity, string token) =>
        host.PostActivityAsync(activity, new AuthenticationHeaderValue("Bearer", token).ToString());
}
