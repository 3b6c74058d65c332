namespace VocEdWeek.Bot.Platform;

/// <summary>
/// Endpoint defaults per cloud: the public cloud and Microsoft Azure operated by 21Vianet. Here, not in Protocol/,
/// because the Bot Framework endpoints (Protocol/) and the Graph endpoints (Files/SharePoint) come from the same choice.
/// </summary>
public sealed record CloudDefaults(
    string ChannelMetadataUrl,
    string ChannelIssuer,
    string LoginUrl,
    string OAuthScope,
    string EmulatorMetadataUrl,
    string GraphBaseUrl,
    string GraphAuthorityHost)
{
    public static readonly CloudDefaults Public = new(
        "https://login.botframework.com/v1/.well-known/openidconfiguration",
        "https://api.botframework.com",
        "https://login.microsoftonline.com/{0}",
        "https://api.botframework.com",
        "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
        "https://graph.microsoft.com/v1.0",
        "https://login.microsoftonline.com");

    public static readonly CloudDefaults China = new(
        "https://login.botframework.azure.cn/v1/.well-known/openidconfiguration",
        "https://api.botframework.azure.cn",
        "https://login.partner.microsoftonline.cn/{0}",
        "https://api.botframework.azure.cn",
        "https://login.partner.microsoftonline.cn/botframework.com/v2.0/.well-known/openid-configuration",
        "https://microsoftgraph.chinacloudapi.cn/v1.0",
        "https://login.chinacloudapi.cn");

    public static CloudDefaults For(string? cloud) =>
        string.Equals(cloud, "China", StringComparison.OrdinalIgnoreCase) ? China : Public;

    public static bool IsKnown(string? cloud) =>
        string.Equals(cloud, "Public", StringComparison.OrdinalIgnoreCase)
        || string.Equals(cloud, "China", StringComparison.OrdinalIgnoreCase);
}
