using VocEdWeek.Bot.Platform;

namespace VocEdWeek.Bot.Protocol;

/// <summary>Stops start-up with one sentence naming the key at fault.</summary>
public static class BotFrameworkOptionsValidator
{
    private static readonly string[] AppTypes = ["SingleTenant", "MultiTenant", "UserAssignedMSI"];

    public static void ThrowIfInvalid(BotFrameworkOptions o)
    {
        if (!CloudDefaults.IsKnown(o.Cloud))
            throw new ConfigurationException($"Cloud must be 'Public' or 'China', not '{o.Cloud}'.");
        if (!AppTypes.Contains(o.MicrosoftAppType, StringComparer.OrdinalIgnoreCase))
            throw new ConfigurationException($"MicrosoftAppType must be 'SingleTenant', 'MultiTenant' or 'UserAssignedMSI', not '{o.MicrosoftAppType}'.");
        CheckUrl(nameof(o.ToBotFromChannelOpenIdMetadataUrl), o.ToBotFromChannelOpenIdMetadataUrl, httpsOnly: true);
        CheckUrl(nameof(o.ToBotFromChannelTokenIssuer), o.ToBotFromChannelTokenIssuer);
        CheckUrl(nameof(o.ToChannelFromBotLoginUrl), o.ToChannelFromBotLoginUrl);
        CheckUrl(nameof(o.ToChannelFromBotOAuthScope), o.ToChannelFromBotOAuthScope);
        CheckUrl(nameof(o.ToBotFromEmulatorOpenIdMetadataUrl), o.ToBotFromEmulatorOpenIdMetadataUrl, httpsOnly: true);
        if (o.IsUserAssignedMsi)
        {
            ThrowIfInvalidManagedIdentity(o);
            return;
        }
        if (o.IsAnonymous) return;
        if (!Guid.TryParse(o.MicrosoftAppId, out _))
            throw new ConfigurationException("MicrosoftAppId must be the bot's Microsoft App ID (a GUID), or empty for anonymous local mode.");
        if (string.IsNullOrWhiteSpace(o.MicrosoftAppPassword))
            throw new ConfigurationException("MicrosoftAppPassword is required when MicrosoftAppId is set.");
        if (o.IsSingleTenant && string.IsNullOrWhiteSpace(o.MicrosoftAppTenantId))
            throw new ConfigurationException("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.");
    }

    /// <summary>
    /// The SDK's own rules for UserAssignedMSI (ConfigurationServiceClientCredentialFactory): an id, a tenant, no password.
    /// Never anonymous: an empty id here is a mistake, not a request for local mode. The tenant is not sent to the
    /// identity endpoint, but the Azure Bot resource of a UserAssignedMSI bot is bound to the identity's tenant, and
    /// SharePoint's app-only Graph calls fall back to it.
    /// </summary>
    private static void ThrowIfInvalidManagedIdentity(BotFrameworkOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.MicrosoftAppId))
            throw new ConfigurationException("MicrosoftAppId is required when MicrosoftAppType is UserAssignedMSI: set it to the client id of the user-assigned managed identity attached to this web app or VM.");
        if (!Guid.TryParse(o.MicrosoftAppId, out _))
            throw new ConfigurationException("MicrosoftAppId must be the client id (a GUID) of the user-assigned managed identity when MicrosoftAppType is UserAssignedMSI.");
        if (!string.IsNullOrEmpty(o.MicrosoftAppPassword))
            throw new ConfigurationException("MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI: a managed identity has no secret; remove the password from the configuration (and revoke it if it was a real one).");
        if (string.IsNullOrWhiteSpace(o.MicrosoftAppTenantId))
            throw new ConfigurationException("MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI: the tenant the managed identity belongs to.");
    }

    private static void CheckUrl(string key, string? value, bool httpsOnly = false)
    {
        if (value is null) return;
        var probe = value.Replace("{0}", "tenant", StringComparison.Ordinal);
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new ConfigurationException($"{key} must be an absolute http(s) URL, not '{value}'.");
        // Signing keys fetched over plain HTTP could be swapped by anyone on the path.
        if (httpsOnly && uri.Scheme != Uri.UriSchemeHttps)
            throw new ConfigurationException($"{key} must be an https URL: signing keys are only trusted over TLS.");
    }
}
