namespace VocEdWeek.Bot.Protocol;

/// <summary>Stops start-up with one sentence naming the key at fault.</summary>
public static class BotFrameworkOptionsValidator
{
    private static readonly string[] AppTypes = ["SingleTenant", "MultiTenant"];

    public static void ThrowIfInvalid(BotFrameworkOptions o)
    {
        if (!CloudDefaults.IsKnown(o.Cloud))
            throw new ConfigurationException($"Cloud must be 'Public' or 'China', not '{o.Cloud}'.");
        if (!AppTypes.Contains(o.MicrosoftAppType, StringComparer.OrdinalIgnoreCase))
            throw new ConfigurationException($"MicrosoftAppType must be 'SingleTenant' or 'MultiTenant', not '{o.MicrosoftAppType}'.");
        CheckUrl(nameof(o.ToBotFromChannelOpenIdMetadataUrl), o.ToBotFromChannelOpenIdMetadataUrl, httpsOnly: true);
        CheckUrl(nameof(o.ToBotFromChannelTokenIssuer), o.ToBotFromChannelTokenIssuer);
        CheckUrl(nameof(o.ToChannelFromBotLoginUrl), o.ToChannelFromBotLoginUrl);
        CheckUrl(nameof(o.ToChannelFromBotOAuthScope), o.ToChannelFromBotOAuthScope);
        CheckUrl(nameof(o.ToBotFromEmulatorOpenIdMetadataUrl), o.ToBotFromEmulatorOpenIdMetadataUrl, httpsOnly: true);
        if (o.IsAnonymous) return;
        if (!Guid.TryParse(o.MicrosoftAppId, out _))
            throw new ConfigurationException("MicrosoftAppId must be the bot's Microsoft App ID (a GUID), or empty for anonymous local mode.");
        if (string.IsNullOrWhiteSpace(o.MicrosoftAppPassword))
            throw new ConfigurationException("MicrosoftAppPassword is required when MicrosoftAppId is set.");
        if (o.IsSingleTenant && string.IsNullOrWhiteSpace(o.MicrosoftAppTenantId))
            throw new ConfigurationException("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.");
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
