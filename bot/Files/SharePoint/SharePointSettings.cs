using System.Net;
using VocEdWeek.Bot.Platform;

namespace VocEdWeek.Bot.Files.SharePoint;

/// <summary>
/// The effective, validated SharePoint settings: credentials and endpoints with their defaults applied.
/// Bad values stop start-up with one sentence naming the key.
/// </summary>
public sealed record SharePointSettings
{
    public const long MaxSimpleUploadBytes = 250L * 1024 * 1024;
    public const int ChunkUnit = 320 * 1024;
    public const int MaxChunkBytes = 60 * 1024 * 1024;

    private static readonly HashSet<string> KnownAuthorityHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "login.microsoftonline.com", "login.microsoftonline.us", "login.chinacloudapi.cn", "login.partner.microsoftonline.cn",
    };

    public required string GraphBaseUrl { get; init; }
    public required string AuthorityHost { get; init; }
    /// <summary>App-only scope of the Graph host, e.g. https://microsoftgraph.chinacloudapi.cn/.default.</summary>
    public required string Scope { get; init; }
    public required string TenantId { get; init; }
    public required string ClientId { get; init; }
    public string? ClientSecret { get; init; }
    public string? CertificatePath { get; init; }
    public string? CertificatePassword { get; init; }
    /// <summary>
    /// Tokens from the user-assigned managed identity <see cref="ClientId"/> (the bot runs as <c>UserAssignedMSI</c> and
    /// SharePoint sets no secret or certificate of its own): no secret exists anywhere.
    /// </summary>
    public bool UseManagedIdentity { get; init; }
    /// <summary>No SharePoint:ClientId: the bot's own MicrosoftAppId (and its keys) is the identity Graph sees.</summary>
    public bool UsesBotIdentity { get; init; }
    /// <summary>No credentials, a loopback fake Graph: requests carry no token (tests, local runs; never Production).</summary>
    public bool IsAnonymous { get; init; }
    public string? SiteId { get; init; }
    public string? SiteHostName { get; init; }
    public string? SitePath { get; init; }
    public string? DriveId { get; init; }
    public string? DriveName { get; init; }
    /// <summary>Cleaned root folder segments (may be empty).</summary>
    public required IReadOnlyList<string> RootFolder { get; init; }
    public long SimpleUploadMaxBytes { get; init; }
    public int ChunkBytes { get; init; }
    public int MaxAttempts { get; init; }
    public TimeSpan RetryBaseDelay { get; init; }
    public TimeSpan MaxRetryDelay { get; init; }
    public TimeSpan RequestTimeout { get; init; }

    /// <summary>MSAL's instance discovery only knows Microsoft's login hosts; any other host is used as given.</summary>
    public bool IsKnownAuthority => Uri.TryCreate(AuthorityHost, UriKind.Absolute, out var uri) && KnownAuthorityHosts.Contains(uri.Host);

    /// <summary>True when a site or drive is configured (the only switch that turns SharePoint on).</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        var s = configuration.GetSection("SharePoint");
        return !string.IsNullOrWhiteSpace(s["SiteId"]) || !string.IsNullOrWhiteSpace(s["SiteHostName"]) || !string.IsNullOrWhiteSpace(s["DriveId"]);
    }

    /// <summary>The settings, or null when SharePoint is not configured. Throws <see cref="ConfigurationException"/> on bad values.</summary>
    public static SharePointSettings? From(IConfiguration configuration, string? environmentName)
    {
        if (!IsConfigured(configuration)) return null;
        var o = new SharePointOptions();
        try
        {
            configuration.GetSection("SharePoint").Bind(o);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException($"{ex.Message} {ex.InnerException?.Message}".Trim());
        }

        var cloudName = configuration["Cloud"] ?? "Public";
        if (!CloudDefaults.IsKnown(cloudName))
            throw new ConfigurationException($"Cloud must be 'Public' or 'China', not '{cloudName}'.");
        var cloud = CloudDefaults.For(cloudName);

        var siteId = Blank(o.SiteId);
        var host = Blank(o.SiteHostName);
        if (siteId is not null && host is not null)
            throw new ConfigurationException("Set SharePoint:SiteId or SharePoint:SiteHostName (+ SitePath), not both.");
        if (host is not null && (host.Contains('/', StringComparison.Ordinal) || host.Contains(':', StringComparison.Ordinal) || Uri.CheckHostName(host) != UriHostNameType.Dns))
            throw new ConfigurationException($"SharePoint:SiteHostName must be a host name like contoso.sharepoint.com, not '{host}'.");
        var sitePath = Blank(o.SitePath)?.Trim('/');
        if (sitePath is not null && host is null)
            throw new ConfigurationException("SharePoint:SitePath needs SharePoint:SiteHostName.");
        var driveId = Blank(o.DriveId);
        var driveName = Blank(o.DriveName);
        if (driveId is not null && driveName is not null)
            throw new ConfigurationException("Set SharePoint:DriveId or SharePoint:DriveName, not both.");
        if (driveName is not null && siteId is null && host is null)
            throw new ConfigurationException("SharePoint:DriveName needs the site (SharePoint:SiteId or SharePoint:SiteHostName).");

        if (o.SimpleUploadMaxBytes < 0 || o.SimpleUploadMaxBytes > MaxSimpleUploadBytes)
            throw new ConfigurationException($"SharePoint:SimpleUploadMaxBytes must be between 0 and {MaxSimpleUploadBytes} (Graph's limit for one PUT), not {o.SimpleUploadMaxBytes}.");
        if (o.ChunkBytes <= 0 || o.ChunkBytes % ChunkUnit != 0 || o.ChunkBytes >= MaxChunkBytes)
            throw new ConfigurationException($"SharePoint:ChunkBytes must be a multiple of 327680 (320 KiB) below 62914560 (60 MiB), not {o.ChunkBytes}.");
        if (o.MaxAttempts is < 1 or > 20)
            throw new ConfigurationException($"SharePoint:MaxAttempts must be between 1 and 20, not {o.MaxAttempts}.");
        if (o.RetryBaseDelay < TimeSpan.Zero || o.MaxRetryDelay < TimeSpan.Zero)
            throw new ConfigurationException("SharePoint:RetryBaseDelay and SharePoint:MaxRetryDelay must not be negative.");
        if (o.RequestTimeout <= TimeSpan.Zero)
            throw new ConfigurationException("SharePoint:RequestTimeout must be positive.");

        var graph = (Blank(o.GraphBaseUrl) ?? cloud.GraphBaseUrl).TrimEnd('/');
        if (!Uri.TryCreate(graph, UriKind.Absolute, out var graphUri) || (graphUri.Scheme != Uri.UriSchemeHttps && graphUri.Scheme != Uri.UriSchemeHttp))
            throw new ConfigurationException($"SharePoint:GraphBaseUrl must be an absolute https URL, not '{graph}'.");
        var loopback = graphUri.IsLoopback;
        // Files and tokens in clear text are only acceptable to a fake on this machine.
        if (graphUri.Scheme == Uri.UriSchemeHttp && !loopback)
            throw new ConfigurationException($"SharePoint:GraphBaseUrl must be https (plain http only for a local fake on 127.0.0.1), not '{graph}'.");
        var authority = (Blank(o.AuthorityHost) ?? cloud.GraphAuthorityHost).TrimEnd('/');
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var authorityUri) || authorityUri.Scheme != Uri.UriSchemeHttps)
            throw new ConfigurationException($"SharePoint:AuthorityHost must be an absolute https URL, not '{authority}'.");

        var tenant = Blank(o.TenantId) ?? Blank(configuration["MicrosoftAppTenantId"]);
        var clientId = Blank(o.ClientId) ?? Blank(configuration["MicrosoftAppId"]);
        var certificate = Blank(o.CertificatePath);
        // A UserAssignedMSI bot lends SharePoint its identity unless SharePoint brings its own secret or certificate
        // (SharePoint:ClientId alone may name another user-assigned identity attached to the same web app).
        var managedIdentity = string.Equals(configuration["MicrosoftAppType"], "UserAssignedMSI", StringComparison.OrdinalIgnoreCase)
            && Blank(o.ClientSecret) is null && certificate is null;
        var secret = managedIdentity ? null : Blank(o.ClientSecret) ?? Blank(configuration["MicrosoftAppPassword"]);
        var anonymous = clientId is null;
        if (anonymous)
        {
            if (!(loopback && graphUri.Scheme == Uri.UriSchemeHttp))
                throw new ConfigurationException("SharePoint:ClientId (or MicrosoftAppId) is required to reach Microsoft Graph.");
            if (string.Equals(environmentName, "Production", StringComparison.OrdinalIgnoreCase))
                throw new ConfigurationException("SharePoint:ClientId (or MicrosoftAppId) is empty, so Graph calls would carry no token; that is only allowed against a local fake outside Production.");
        }
        else
        {
            if (!Guid.TryParse(clientId, out _))
                throw new ConfigurationException("SharePoint:ClientId (or MicrosoftAppId) must be the app registration's Application (client) ID, or the managed identity's client id: a GUID.");
            if (tenant is null || string.Equals(tenant, "common", StringComparison.OrdinalIgnoreCase) || string.Equals(tenant, "organizations", StringComparison.OrdinalIgnoreCase))
                throw new ConfigurationException("SharePoint:TenantId (or MicrosoftAppTenantId) must be the office's tenant: app-only Graph tokens are issued per tenant.");
            if (certificate is null && secret is null && !managedIdentity)
                throw new ConfigurationException("SharePoint:ClientSecret (or MicrosoftAppPassword) or SharePoint:CertificatePath is required when a client id is set.");
            if (certificate is not null && !File.Exists(certificate))
                throw new ConfigurationException($"SharePoint:CertificatePath does not point to a file: '{certificate}'.");
            if (certificate is not null) CheckCertificate(certificate, Blank(o.CertificatePassword));
        }

        var root = (o.RootFolder ?? "").Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => FileNameCleaner.CleanSegment(s))
            .ToArray();

        return new SharePointSettings
        {
            GraphBaseUrl = graph,
            AuthorityHost = authority,
            Scope = $"{graphUri.Scheme}://{graphUri.Authority}/.default",
            TenantId = tenant ?? "",
            ClientId = clientId ?? "",
            ClientSecret = secret,
            CertificatePath = certificate,
            CertificatePassword = Blank(o.CertificatePassword),
            IsAnonymous = anonymous,
            UseManagedIdentity = managedIdentity && !anonymous,
            UsesBotIdentity = Blank(o.ClientId) is null,
            SiteId = siteId,
            SiteHostName = host,
            SitePath = sitePath,
            DriveId = driveId,
            DriveName = driveName,
            RootFolder = root,
            SimpleUploadMaxBytes = o.SimpleUploadMaxBytes,
            ChunkBytes = o.ChunkBytes,
            MaxAttempts = o.MaxAttempts,
            RetryBaseDelay = o.RetryBaseDelay,
            MaxRetryDelay = o.MaxRetryDelay,
            RequestTimeout = o.RequestTimeout,
        };
    }

    /// <summary>Opened once at start-up, so a wrong password or a certificate without its key stops the bot, not the first upload.</summary>
    private static void CheckCertificate(string path, string? password)
    {
        System.Security.Cryptography.X509Certificates.X509Certificate2 loaded;
        try
        {
            loaded = GraphCredentials.LoadCertificate(path, password);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new ConfigurationException(path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
                ? $"SharePoint:CertificatePath: '{path}' must hold the certificate and its unencrypted private key ({ex.Message})."
                : $"SharePoint:CertificatePassword does not open SharePoint:CertificatePath '{path}' ({ex.Message}).");
        }
        using (loaded)
        {
            if (!loaded.HasPrivateKey)
                throw new ConfigurationException($"SharePoint:CertificatePath: '{path}' has no private key; Graph needs it to sign the token request.");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
