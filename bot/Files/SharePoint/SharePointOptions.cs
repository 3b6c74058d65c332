namespace VocEdWeek.Bot.Files.SharePoint;

/// <summary>
/// The <c>SharePoint</c> configuration section. SharePoint is on only when a site (or a drive) is given.
/// Empty credentials fall back to the bot's own <c>MicrosoftAppTenantId</c>/<c>MicrosoftAppId</c>/<c>MicrosoftAppPassword</c>;
/// with <c>MicrosoftAppType: UserAssignedMSI</c> and no secret or certificate here, Graph tokens come from that managed identity.
/// Empty endpoints fall back to the root <c>Cloud</c>'s (Public or China/21Vianet). See <see cref="SharePointSettings"/>.
/// </summary>
public sealed class SharePointOptions
{
    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>A PFX/PEM certificate with its private key; preferred over the secret when set.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }

    /// <summary>"{hostname},{siteCollectionGuid},{webGuid}", or leave empty and give the host name and path.</summary>
    public string? SiteId { get; set; }
    /// <summary>e.g. contoso.sharepoint.com (resolved once with GET /sites/{host}:/{path}).</summary>
    public string? SiteHostName { get; set; }
    /// <summary>e.g. /sites/Office; empty for the tenant's root site.</summary>
    public string? SitePath { get; set; }

    /// <summary>The document library's drive id, or its name (DriveName); default: the site's default library.</summary>
    public string? DriveId { get; set; }
    public string? DriveName { get; set; }

    /// <summary>Top folder in the library; "a/b" nests. Empty string: the library's root.</summary>
    public string RootFolder { get; set; } = "职业教育活动周";

    /// <summary>Files up to this size go in one PUT; larger ones through an upload session.</summary>
    public long SimpleUploadMaxBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Upload-session chunk: a multiple of 320 KiB and under 60 MiB. One chunk is the most held in memory.</summary>
    public int ChunkBytes { get; set; } = 10 * 1024 * 1024;

    public string? GraphBaseUrl { get; set; }
    public string? AuthorityHost { get; set; }

    /// <summary>Tries per call for throttling, outages and network errors before the caller is told to come back later.</summary>
    public int MaxAttempts { get; set; } = 4;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Longest wait inside one call (a longer Retry-After is handed to the caller instead).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
