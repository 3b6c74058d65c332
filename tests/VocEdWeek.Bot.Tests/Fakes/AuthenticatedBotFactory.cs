using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using VocEdWeek.Bot.Protocol.Auth;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// The real bot (<see cref="Program"/>) with authentication on, pointed at a <see cref="FakeBotFrameworkIdentity"/>,
/// its metadata HttpClient trusting that server's certificate, and a fresh storage directory.
/// Change <see cref="Settings"/> before the first request (e.g. <c>AcceptEmulatorTokens</c>).
/// </summary>
public sealed class AuthenticatedBotFactory : WebApplicationFactory<Program>
{
    public const string AppId = "3f2a6c1e-8b4d-4e8a-9c1f-2d7e5a9b0c41";
    public const string TenantId = "9b1d7e3a-2c4f-4a6b-8d0e-1f3a5c7e9b2d";

    private readonly FakeBotFrameworkIdentity _identity;
    private readonly Action<IWebHostBuilder>? _configure;

    public AuthenticatedBotFactory(FakeBotFrameworkIdentity identity, Action<IWebHostBuilder>? configure = null)
    {
        _identity = identity;
        _configure = configure;
        StorageDirectory = Path.Combine(Path.GetTempPath(), "vocedweek-tests", Guid.NewGuid().ToString("N"));
        Settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "test-secret-not-used",
            ["MicrosoftAppTenantId"] = TenantId,
            ["ToBotFromChannelOpenIdMetadataUrl"] = identity.ChannelMetadataUrl,
            ["ToBotFromChannelTokenIssuer"] = identity.ChannelIssuer,
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = identity.EmulatorMetadataUrl,
            ["AcceptEmulatorTokens"] = "false",
            ["Storage:Directory"] = StorageDirectory,
        };
    }

    public string StorageDirectory { get; }

    public Dictionary<string, string?> Settings { get; }

    /// <summary>POSTs an activity to /api/messages with the given Authorization header value (null = none).</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(JsonObject activity, string? authorization)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await client.SendAsync(request);
    }

    /// <summary>POSTs with <c>Authorization: Bearer {token}</c>.</summary>
    public Task<HttpResponseMessage> PostActivityWithTokenAsync(JsonObject activity, string token) =>
        PostActivityAsync(activity, new AuthenticationHeaderValue("Bearer", token).ToString());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting (not ConfigureAppConfiguration) so Program sees the values while it registers services.
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
            services.AddHttpClient(MetadataDocumentRetriever.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(_identity.CreateTrustingHandler));
        _configure?.Invoke(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            if (Directory.Exists(StorageDirectory)) Directory.Delete(StorageDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
