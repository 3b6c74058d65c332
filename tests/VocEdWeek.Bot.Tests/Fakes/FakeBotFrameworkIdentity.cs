using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// A local HTTPS stand-in for login.botframework.com (channel metadata + JWKS with endorsements) and
/// for the Entra metadata Emulator tokens use, plus a token minter. Keys can be published or withdrawn
/// at any time (key rotation); request counters show when the bot re-fetched.
/// <code>
/// await using var idp = await FakeBotFrameworkIdentity.StartAsync();
/// var token = idp.CreateChannelToken(appId, serviceUrl);             // valid
/// var old = idp.CreateChannelToken(appId, serviceUrl, t => t.Expires = DateTime.UtcNow.AddHours(-1));
/// </code>
/// </summary>
public sealed class FakeBotFrameworkIdentity : IAsyncDisposable
{
    public const string DefaultChannelIssuer = "https://api.botframework.com";
    /// <summary>The Bot Framework Emulator's v1 token issuer (Auth v3.1).</summary>
    public const string EmulatorIssuerV1 = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    public const string EmulatorIssuerV2 = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<TestSigningKey> _channelKeys = [];
    private readonly List<TestSigningKey> _emulatorKeys = [];
    private int _channelMetadataRequests;
    private int _channelKeyRequests;
    private int _emulatorKeyRequests;

    private FakeBotFrameworkIdentity(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
        DefaultKey = TestSigningKey.CreateForTeams("channel-key-1");
        EmulatorKey = TestSigningKey.Create("emulator-key-1");
        _channelKeys.Add(DefaultKey);
        _emulatorKeys.Add(EmulatorKey);
    }

    public X509Certificate2 Certificate { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public string ChannelMetadataUrl => new Uri(BaseAddress, "v1/.well-known/openidconfiguration").ToString();

    public string ChannelKeysUrl => new Uri(BaseAddress, "v1/.well-known/keys").ToString();

    public string EmulatorMetadataUrl => new Uri(BaseAddress, "common/v2.0/.well-known/openid-configuration").ToString();

    public string EmulatorKeysUrl => new Uri(BaseAddress, "common/discovery/v2.0/keys").ToString();

    public string ChannelIssuer { get; } = DefaultChannelIssuer;

    /// <summary>Published at start, endorsed for <c>msteams</c>.</summary>
    public TestSigningKey DefaultKey { get; }

    /// <summary>Published at start in the emulator key set, without endorsements (like Entra keys).</summary>
    public TestSigningKey EmulatorKey { get; }

    /// <summary>Default times of minted tokens come from here.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>While true every endpoint answers 503, to simulate an outage.</summary>
    public bool Unavailable { get; set; }

    public int ChannelMetadataRequests => Volatile.Read(ref _channelMetadataRequests);

    public int ChannelKeyRequests => Volatile.Read(ref _channelKeyRequests);

    public int EmulatorKeyRequests => Volatile.Read(ref _emulatorKeyRequests);

    public static async Task<FakeBotFrameworkIdentity> StartAsync(X509Certificate2? certificate = null)
    {
        certificate ??= TestCertificate.Localhost;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();
        var identity = new FakeBotFrameworkIdentity(app, certificate);
        identity.MapEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        identity.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return identity;
    }

    /// <summary>Publishes a key in the channel JWKS (key rotation); it is served from the next request on.</summary>
    public TestSigningKey PublishChannelKey(TestSigningKey key)
    {
        lock (_gate) _channelKeys.Add(key);
        return key;
    }

    public void WithdrawChannelKey(string kid)
    {
        lock (_gate) _channelKeys.RemoveAll(k => k.Kid == kid);
    }

    /// <summary>A handler for the bot's metadata HttpClient that trusts this server's certificate.</summary>
    public HttpMessageHandler CreateTrustingHandler() => TestCertificate.CreateTrustingHandler(Certificate);

    /// <summary>A valid Teams channel token for <paramref name="appId"/>; <paramref name="customize"/> changes one thing.</summary>
    public string CreateChannelToken(string appId, string? serviceUrl, Action<BotTokenSpec>? customize = null)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var spec = new BotTokenSpec
        {
            Key = DefaultKey,
            Issuer = ChannelIssuer,
            Audience = appId,
            ServiceUrl = serviceUrl,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
        };
        customize?.Invoke(spec);
        return CreateToken(spec);
    }

    /// <summary>A valid v1.0 Emulator token (issuer sts.windows.net, app id in <c>appid</c>).</summary>
    public string CreateEmulatorToken(string appId, Action<BotTokenSpec>? customize = null)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var spec = new BotTokenSpec
        {
            Key = EmulatorKey,
            Issuer = EmulatorIssuerV1,
            Audience = "https://api.botframework.com",
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
        };
        spec.Claims["ver"] = "1.0";
        spec.Claims["appid"] = appId;
        customize?.Invoke(spec);
        return CreateToken(spec);
    }

    public static string CreateToken(BotTokenSpec spec)
    {
        var claims = new Dictionary<string, object>(spec.Claims, StringComparer.Ordinal);
        if (spec.ServiceUrl is not null) claims["serviceurl"] = spec.ServiceUrl;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer,
            Audience = spec.Audience,
            IssuedAt = spec.IssuedAt,
            NotBefore = spec.NotBefore,
            Expires = spec.Expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(spec.Key.SecurityKey, spec.Algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void MapEndpoints()
    {
        _app.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref _channelMetadataRequests);
            return Serve(new JsonObject
            {
                ["issuer"] = ChannelIssuer,
                ["authorization_endpoint"] = "https://invalid.botframework.com",
                ["jwks_uri"] = ChannelKeysUrl,
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            });
        });
        _app.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref _channelKeyRequests);
            return Serve(KeySet(_channelKeys));
        });
        _app.MapGet("/common/v2.0/.well-known/openid-configuration", () => Serve(new JsonObject
        {
            ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
            ["jwks_uri"] = EmulatorKeysUrl,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        _app.MapGet("/common/discovery/v2.0/keys", () =>
        {
            Interlocked.Increment(ref _emulatorKeyRequests);
            return Serve(KeySet(_emulatorKeys));
        });
    }

    private JsonObject KeySet(List<TestSigningKey> keys)
    {
        lock (_gate) return new JsonObject { ["keys"] = new JsonArray(keys.Select(k => (JsonNode?)k.ToJwk()).ToArray()) };
    }

    private IResult Serve(JsonObject body) =>
        Unavailable ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Content(body.ToJsonString(), "application/json");
}
