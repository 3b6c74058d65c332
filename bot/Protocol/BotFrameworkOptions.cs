using VocEdWeek.Bot.Platform;

namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// Bot Framework settings, read from the configuration root under the SDK's own key names so that
/// Azure docs and existing deployments apply as they are. <see cref="Cloud"/> picks the defaults.
/// </summary>
public sealed class BotFrameworkOptions
{
    public string Cloud { get; set; } = "Public";
    public string MicrosoftAppType { get; set; } = "SingleTenant";
    public string MicrosoftAppId { get; set; } = "";
    public string MicrosoftAppPassword { get; set; } = "";
    public string MicrosoftAppTenantId { get; set; } = "";
    public string? ToBotFromChannelOpenIdMetadataUrl { get; set; }
    public string? ToBotFromChannelTokenIssuer { get; set; }
    public string? ToChannelFromBotLoginUrl { get; set; }
    public string? ToChannelFromBotOAuthScope { get; set; }
    public string? ToBotFromEmulatorOpenIdMetadataUrl { get; set; }
    /// <summary>Accept Bot Framework Emulator tokens (Entra-issued) in addition to channel tokens.</summary>
    public bool AcceptEmulatorTokens { get; set; }

    /// <summary>Anonymous mode: no inbound check, no outbound token. Only for local runs and tests.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);

    public bool IsSingleTenant => string.Equals(MicrosoftAppType, "SingleTenant", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The SDK's <c>UserAssignedMSI</c>: outgoing tokens come from the user-assigned managed identity whose client id is
    /// <see cref="MicrosoftAppId"/> (App Service's identity endpoint or the VM's); there is no password anywhere.
    /// </summary>
    public bool IsUserAssignedMsi => string.Equals(MicrosoftAppType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase);

    /// <summary>The authority outgoing tokens come from: tenant for SingleTenant, botframework.com otherwise.</summary>
    public string LoginAuthority
    {
        get
        {
            var template = ToChannelFromBotLoginUrl ?? CloudDefaults.For(Cloud).LoginUrl;
            var tenant = IsSingleTenant ? MicrosoftAppTenantId : "botframework.com";
            return template.Contains("{0}", StringComparison.Ordinal)
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, template, tenant)
                : template;
        }
    }

    public string OAuthScope
    {
        get
        {
            var scope = ToChannelFromBotOAuthScope ?? CloudDefaults.For(Cloud).OAuthScope;
            return scope.EndsWith("/.default", StringComparison.Ordinal) ? scope : scope.TrimEnd('/') + "/.default";
        }
    }

    public string ChannelMetadataUrl => ToBotFromChannelOpenIdMetadataUrl ?? CloudDefaults.For(Cloud).ChannelMetadataUrl;
    public string ChannelIssuer => ToBotFromChannelTokenIssuer ?? CloudDefaults.For(Cloud).ChannelIssuer;
    public string EmulatorMetadataUrl => ToBotFromEmulatorOpenIdMetadataUrl ?? CloudDefaults.For(Cloud).EmulatorMetadataUrl;
}
