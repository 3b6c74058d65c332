using System.Net;
using System.Security.Cryptography;
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
/// An Entra token endpoint on https://127.0.0.1 (MSAL insists on https) with a self-signed certificate
/// made for this instance. Answers <c>POST /{tenant}/oauth2/v2.0/token</c> with a client-credentials token
/// (<c>fake-token-1</c>, <c>-2</c> …) and records every request's path and form.
/// </summary>
public sealed class FakeTokenServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly object sync = new();
    private readonly List<TokenRequest> requests = [];
    private int issued;

    private FakeTokenServer(WebApplication app, X509Certificate2 certificate)
    {
        this.app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public string BaseUrl { get; private set; } = "";

    /// <summary>For <c>ToChannelFromBotLoginUrl</c>: <c>https://127.0.0.1:port/{0}</c>.</summary>
    public string LoginUrlTemplate => BaseUrl + "{0}";

    /// <summary>The lifetime each token is issued with (<c>expires_in</c>).</summary>
    public int ExpiresInSeconds { get; set; } = 3600;

    /// <summary>When set, every token request gets this answer instead of a token.</summary>
    public (int Status, string Body)? Failure { get; set; }

    public IReadOnlyList<TokenRequest> Requests
    {
        get { lock (sync) return requests.ToList(); }
    }

    public static async Task<FakeTokenServer> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var server = new FakeTokenServer(app, certificate);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/";
        return server;
    }

    /// <summary>A handler that trusts exactly this server's certificate (and nothing self-signed besides).</summary>
    public HttpMessageHandler CreateTrustingHandler() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, cert, _, errors) =>
            errors == System.Net.Security.SslPolicyErrors.None || cert?.Thumbprint == Certificate.Thumbprint,
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Certificate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString())
            : new Dictionary<string, string>();
        int number;
        lock (sync)
        {
            requests.Add(new TokenRequest(context.Request.Method, context.Request.Path.Value ?? "", form));
            number = ++issued;
        }
        if (Failure is { } failure)
        {
            context.Response.StatusCode = failure.Status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(failure.Body);
            return;
        }
        if (context.Request.Method != "POST" || !(context.Request.Path.Value ?? "").EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = ExpiresInSeconds,
            ["ext_expires_in"] = ExpiresInSeconds,
            ["access_token"] = $"fake-token-{number}",
        }.ToJsonString());
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var ephemeral = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        // Round-trip through PFX so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }

    public sealed record TokenRequest(string Method, string Path, IReadOnlyDictionary<string, string> Form);
}
