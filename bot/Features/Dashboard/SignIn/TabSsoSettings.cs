namespace VocEdWeek.Bot.Features.Dashboard.SignIn;

/// <summary>
/// Teams single sign-on for the dashboard tab, resolved from configuration: the Entra app whose token the tab asks for
/// (<c>TabSso:ClientId</c>, else <c>MicrosoftAppId</c> unless that is a managed identity, which cannot expose an API),
/// the tenant (<c>TabSso:TenantId</c>, else <c>MicrosoftAppTenantId</c>), where the tenant's keys are published, and the
/// exact issuers and audiences a token must carry. Off (<see cref="Enabled"/> false) when any of these is missing: the
/// tab then says how to get a signed link, as before.
/// </summary>
public sealed record TabSsoSettings(bool Enabled, string ClientId, string TenantId, string MetadataUrl, IReadOnlyList<string> Issuers, IReadOnlyList<string> Audiences)
{
    /// <summary>The one delegated scope the app exposes for Teams (Expose an API → access_as_user).</summary>
    public const string Scope = "access_as_user";

    public static readonly TabSsoSettings Off = new(false, "", "", "", [], []);

    public static TabSsoSettings From(IConfiguration configuration)
    {
        var china = string.Equals(configuration["Cloud"], "China", StringComparison.OrdinalIgnoreCase);
        var managedIdentity = string.Equals(configuration["MicrosoftAppType"], "UserAssignedMSI", StringComparison.OrdinalIgnoreCase);
        var clientId = Value(configuration["TabSso:ClientId"]) ?? (managedIdentity ? null : Value(configuration["MicrosoftAppId"]));
        var ownTenant = Value(configuration["TabSso:TenantId"]);
        if (ownTenant is not null && !Guid.TryParse(ownTenant, out _))
            throw new ConfigurationException($"TabSso:TenantId '{ownTenant}' is not a tenant id (a GUID): the tenant's token issuers are made from it.");
        var tenantId = ownTenant ?? Value(configuration["MicrosoftAppTenantId"]);
        // The bot's own tenant may be given as a domain name (MSAL takes either); issuers need the GUID: then SSO stays
        // off until TabSso:TenantId names it.
        if (clientId is null || tenantId is null || !Guid.TryParse(tenantId, out var tenant)) return Off;
        var tid = tenant.ToString("D");

        // Entra of 21Vianet signs v1 tokens as sts.chinacloudapi.cn and v2 tokens as its own login host.
        var login = china ? "https://login.partner.microsoftonline.cn" : "https://login.microsoftonline.com";
        var sts = china ? "https://sts.chinacloudapi.cn" : "https://sts.windows.net";
        var metadata = Value(configuration["TabSso:OpenIdMetadataUrl"]) ?? $"{login}/{tid}/v2.0/.well-known/openid-configuration";
        if (!Uri.TryCreate(metadata, UriKind.Absolute, out var metadataUri)
            || !(metadataUri.Scheme == Uri.UriSchemeHttps || (metadataUri.Scheme == Uri.UriSchemeHttp && metadataUri.IsLoopback)))
            throw new ConfigurationException($"TabSso:OpenIdMetadataUrl '{metadata}' must be an https:// address (http only on this machine, for tests).");

        var publicBase = configuration["Links:PublicBaseUrl"] ?? "http://localhost:3978";
        if (!Uri.TryCreate(publicBase, UriKind.Absolute, out var baseUri))
            throw new ConfigurationException($"Links:PublicBaseUrl '{publicBase}' is not an absolute address; the tab's Application ID URI is made from its host.");
        var host = baseUri.IsDefaultPort ? baseUri.Host : baseUri.Authority;
        return new TabSsoSettings(
            true, clientId, tid, metadata,
            [$"{sts}/{tid}/", $"{login}/{tid}/v2.0"],
            // v1 tokens carry the Application ID URI, v2 tokens the bare client id.
            [$"api://{host}/{clientId}", clientId]);
    }

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
