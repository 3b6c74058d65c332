using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using VocEdWeek.Bot.Tests.Fakes;
using static VocEdWeek.Bot.Tests.Files.SharePoint.SharePointHarness;

namespace VocEdWeek.Bot.Tests.Files.SharePoint;

/// <summary>
/// App-only certificate credentials (a .pfx with its password, or a .pem holding certificate and key): the real
/// Azure.Identity flow signs a client assertion that the local token endpoint receives; we check it verifies with
/// the certificate's public key and names the app, the token endpoint and the certificate, and that the token it
/// buys is the one Graph gets.
/// </summary>
public sealed class SharePointCertificateTests : IAsyncLifetime
{
    private const string ClientId = "00000000-0000-0000-0000-0000000000c0";
    private readonly TempDir _dir = new();
    private FakeGraph _graph = null!;
    private FakeTokenServer _tokens = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraph.StartAsync();
        _tokens = await FakeTokenServer.StartAsync();
        _graph.RequireToken = true;
    }

    public async Task DisposeAsync()
    {
        await _graph.DisposeAsync();
        await _tokens.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_pfx_with_its_password_signs_the_token_request()
    {
        using var certificate = CreateCertificate();
        var path = Path.Combine(_dir.Path, "graph.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "p@ss 证书"));

        await UploadWithAsync(new() { ["SharePoint:CertificatePath"] = path, ["SharePoint:CertificatePassword"] = "p@ss 证书" });

        AssertSignedBy(certificate);
    }

    [Fact]
    public async Task A_pem_with_certificate_and_key_signs_the_token_request()
    {
        using var certificate = CreateCertificate();
        var path = Path.Combine(_dir.Path, "graph.pem");
        using (var key = certificate.GetRSAPrivateKey()!)
        {
            await File.WriteAllTextAsync(path, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n");
        }

        await UploadWithAsync(new() { ["SharePoint:CertificatePath"] = path });

        AssertSignedBy(certificate);
    }

    [Fact]
    public async Task A_wrong_password_or_a_certificate_without_its_key_stops_start_up_naming_the_key()
    {
        using var certificate = CreateCertificate();
        var pfx = Path.Combine(_dir.Path, "graph.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "right"));
        var publicOnly = Path.Combine(_dir.Path, "public.pem");
        await File.WriteAllTextAsync(publicOnly, certificate.ExportCertificatePem());
        var publicCer = Path.Combine(_dir.Path, "public.pfx");
        await File.WriteAllBytesAsync(publicCer, X509CertificateLoader.LoadCertificate(certificate.RawData).Export(X509ContentType.Pfx, "x"));

        var wrong = Assert.Throws<ConfigurationException>(() => Settings(Config(_graph, Credentials(new() { ["SharePoint:CertificatePath"] = pfx, ["SharePoint:CertificatePassword"] = "wrong" }))));
        Assert.StartsWith("SharePoint:CertificatePassword does not open SharePoint:CertificatePath", wrong.Message, StringComparison.Ordinal);
        var pem = Assert.Throws<ConfigurationException>(() => Settings(Config(_graph, Credentials(new() { ["SharePoint:CertificatePath"] = publicOnly }))));
        Assert.StartsWith("SharePoint:CertificatePath:", pem.Message, StringComparison.Ordinal);
        Assert.Contains("private key", pem.Message, StringComparison.Ordinal);
        var keyless = Assert.Throws<ConfigurationException>(() => Settings(Config(_graph, Credentials(new() { ["SharePoint:CertificatePath"] = publicCer, ["SharePoint:CertificatePassword"] = "x" }))));
        Assert.Contains("has no private key", keyless.Message, StringComparison.Ordinal);
        Assert.Empty(_tokens.Requests);
    }

    private async Task UploadWithAsync(Dictionary<string, string?> certificateSettings)
    {
        var content = Bytes(5000, 20);
        var store = Store(_graph, Credentials(certificateSettings), _tokens.CreateTrustingHandler());

        await store.UploadAsync(Upload("证书.jpg", content, "机电工程学院"), OpenAt(content), new MemoryCheckpoint(), default);

        Assert.Equal(content, Assert.Single(_graph.Files).Value.Content);
        var graphCalls = _graph.Requests.Where(r => r.Target.StartsWith("/v1.0/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(graphCalls);
        Assert.All(graphCalls, r => Assert.Equal("Bearer fake-token-1", r.Authorization));
    }

    private Dictionary<string, string?> Credentials(Dictionary<string, string?> certificateSettings)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SharePoint:TenantId"] = "contoso.onmicrosoft.com",
            ["SharePoint:ClientId"] = ClientId,
            ["SharePoint:AuthorityHost"] = _tokens.BaseUrl,
        };
        foreach (var (k, v) in certificateSettings) settings[k] = v;
        return settings;
    }

    private void AssertSignedBy(X509Certificate2 certificate)
    {
        var request = Assert.Single(_tokens.Requests);
        Assert.EndsWith("/contoso.onmicrosoft.com/oauth2/v2.0/token", request.Path, StringComparison.Ordinal);
        Assert.Equal("client_credentials", request.Form["grant_type"]);
        Assert.False(request.Form.ContainsKey("client_secret"));
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", request.Form["client_assertion_type"]);

        var parts = request.Form["client_assertion"].Split('.');
        Assert.Equal(3, parts.Length);
        using var header = JsonDocument.Parse(Base64Url(parts[0]));
        using var claims = JsonDocument.Parse(Base64Url(parts[1]));
        // Newer MSAL signs with PS256 (RSA-PSS), older with RS256; either must verify with the certificate.
        var padding = header.RootElement.GetProperty("alg").GetString() switch
        {
            "PS256" => RSASignaturePadding.Pss,
            "RS256" => RSASignaturePadding.Pkcs1,
            var alg => throw new Xunit.Sdk.XunitException($"unexpected alg {alg}"),
        };
        // The certificate is named by its SHA-1 (x5t) or SHA-256 (x5t#S256) thumbprint, depending on the library version.
        var named = header.RootElement.TryGetProperty("x5t#S256", out var s256)
            ? (s256.GetString(), Convert.ToBase64String(certificate.GetCertHash(HashAlgorithmName.SHA256)))
            : (header.RootElement.GetProperty("x5t").GetString(), Convert.ToBase64String(certificate.GetCertHash(HashAlgorithmName.SHA1)));
        Assert.Equal(named.Item2.TrimEnd('=').Replace('+', '-').Replace('/', '_'), named.Item1!.TrimEnd('='));
        Assert.Equal(ClientId, claims.RootElement.GetProperty("iss").GetString());
        Assert.Equal(ClientId, claims.RootElement.GetProperty("sub").GetString());
        Assert.EndsWith("/contoso.onmicrosoft.com/oauth2/v2.0/token", claims.RootElement.GetProperty("aud").GetString(), StringComparison.Ordinal);

        using var publicKey = certificate.GetRSAPublicKey()!;
        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        Assert.True(publicKey.VerifyData(signed, Base64Url(parts[2]), HashAlgorithmName.SHA256, padding), "client assertion signature");
        using var other = RSA.Create(2048);
        Assert.False(other.VerifyData(signed, Base64Url(parts[2]), HashAlgorithmName.SHA256, padding));
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=VocEdWeek.Bot Graph", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}
