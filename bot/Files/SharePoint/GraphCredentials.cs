using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace VocEdWeek.Bot.Files.SharePoint;

/// <summary>
/// App-only credentials for Graph: client secret or certificate against the configured cloud's authority, or the
/// user-assigned managed identity (App Service's identity endpoint or the VM's; no authority, no secret).
/// </summary>
public static class GraphCredentials
{
    /// <summary>A new credential (with an empty token cache); null in anonymous mode. <paramref name="handler"/> lets tests trust a local token server.</summary>
    public static TokenCredential? Create(SharePointSettings settings, HttpMessageHandler? handler = null)
    {
        if (settings.IsAnonymous) return null;
        if (settings.UseManagedIdentity)
        {
            var identity = new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(settings.ClientId));
            if (handler is not null) identity.Transport = new HttpClientTransport(handler);
            return new ManagedIdentityCredential(identity);
        }
        var authority = new Uri(settings.AuthorityHost);
        if (settings.CertificatePath is { } path)
        {
            var options = Configure(new ClientCertificateCredentialOptions(), authority, settings, handler);
            var certificate = LoadCertificate(path, settings.CertificatePassword);
            return new ClientCertificateCredential(settings.TenantId, settings.ClientId, certificate, options);
        }
        return new ClientSecretCredential(settings.TenantId, settings.ClientId, settings.ClientSecret,
            Configure(new ClientSecretCredentialOptions(), authority, settings, handler));
    }

    /// <summary>A .pem holding certificate and private key, else a .pfx/.p12 opened with <paramref name="password"/>.</summary>
    public static X509Certificate2 LoadCertificate(string path, string? password) =>
        path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
            ? X509Certificate2.CreateFromPemFile(path)
            : X509CertificateLoader.LoadPkcs12FromFile(path, password);

    private static T Configure<T>(T options, Uri authority, SharePointSettings settings, HttpMessageHandler? handler)
        where T : TokenCredentialOptions
    {
        options.AuthorityHost = authority;
        if (handler is not null) options.Transport = new HttpClientTransport(handler);
        // Instance discovery only knows Microsoft's hosts; a sovereign or test authority is taken as given.
        if (!settings.IsKnownAuthority)
        {
            switch (options)
            {
                case ClientSecretCredentialOptions s: s.DisableInstanceDiscovery = true; break;
                case ClientCertificateCredentialOptions c: c.DisableInstanceDiscovery = true; break;
            }
        }
        return options;
    }
}
