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

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// A local HTTPS stand-in for one Entra tenant (login.microsoftonline.com/{tenant}): its v2.0 OpenID metadata and its
/// key set (RSA keys made at test time; publish or withdraw one at any moment for a rollover), plus a minter of the
/// access tokens Teams hands a tab (<c>authentication.getAuthToken</c>): v2 by default, issuer of the tenant, scope
/// access_as_user, oid and preferred_username of the user.
/// <code>
/// await using var entra = await FakeEntra.StartAsync(tenantId);
/// var token = entra.CreateUserToken(clientId, oid, "wusuling@college.example.edu.cn");
/// var late = entra.CreateUserToken(clientId, oid, upn, t => t.Expires = ...);
/// </code>
/// </summary>
public sealed class FakeEntra : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<TestSigningKey> _keys = [];
    private int _keyRequests;

    private FakeEntra(WebApplication app, string tenantId, X509Certificate2 certificate)
    {
        _app = app;
        TenantId = tenantId;
        Certificate = certificate;
        DefaultKey = TestSigningKey.Create("entra-key-1");
        _keys.Add(DefaultKey);
    }

    public string TenantId { get; }

    public X509Certificate2 Certificate { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public string MetadataUrl => new Uri(BaseAddress, $"{TenantId}/v2.0/.well-known/openid-configuration").ToString();

    public string KeysUrl => new Uri(BaseAddress, $"{TenantId}/discovery/v2.0/keys").ToString();

    public string IssuerV2 => $"https://login.microsoftonline.com/{TenantId}/v2.0";

    public string IssuerV1 => $"https://sts.windows.net/{TenantId}/";

    public TestSigningKey DefaultKey { get; }

    /// <summary>Default times of minted tokens come from here.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>While true every endpoint answers 503.</summary>
    public bool Unavailable { get; set; }

    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public static async Task<FakeEntra> StartAsync(string tenantId, X509Certificate2? certificate = null)
    {
        certificate ??= TestCertificate.Localhost;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();
        var entra = new FakeEntra(app, tenantId, certificate);
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => entra.Serve(tenant, () => new JsonObject
        {
            ["issuer"] = entra.IssuerV2,
            ["jwks_uri"] = entra.KeysUrl,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        app.MapGet("/{tenant}/discovery/v2.0/keys", (string tenant) =>
        {
            Interlocked.Increment(ref entra._keyRequests);
            return entra.Serve(tenant, entra.KeySet);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        entra.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return entra;
    }

    /// <summary>Adds a key to the published set (a rollover); served from the next request on.</summary>
    public TestSigningKey Publish(TestSigningKey key)
    {
        lock (_gate) _keys.Add(key);
        return key;
    }

    public void Withdraw(string kid)
    {
        lock (_gate) _keys.RemoveAll(k => k.Kid == kid);
    }

    /// <summary>An HTTP handler that trusts this server's certificate (for the bot's metadata client).</summary>
    public HttpMessageHandler CreateTrustingHandler() => TestCertificate.CreateTrustingHandler(Certificate);

    /// <summary>A valid v2 tab token for <paramref name="audience"/>; <paramref name="customize"/> changes one thing.</summary>
    public string CreateUserToken(string audience, string objectId, string? preferredUsername, Action<BotTokenSpec>? customize = null)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var spec = new BotTokenSpec
        {
            Key = DefaultKey,
            Issuer = IssuerV2,
            Audience = audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
        };
        spec.Claims["ver"] = "2.0";
        spec.Claims["tid"] = TenantId;
        spec.Claims["oid"] = objectId;
        spec.Claims["scp"] = "access_as_user";
        spec.Claims["azp"] = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346";
        if (preferredUsername is not null) spec.Claims["preferred_username"] = preferredUsername;
        customize?.Invoke(spec);
        return FakeBotFrameworkIdentity.CreateToken(spec);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private JsonObject KeySet()
    {
        lock (_gate) return new JsonObject { ["keys"] = new JsonArray(_keys.Select(k => (JsonNode?)k.ToJwk()).ToArray()) };
    }

    private IResult Serve(string tenant, Func<JsonObject> body) =>
        Unavailable ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
        : tenant != TenantId ? Results.NotFound()
        : Results.Content(body().ToJsonString(), "application/json");
}
