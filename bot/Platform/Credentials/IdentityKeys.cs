namespace VocEdWeek.Bot.Platform.Credentials;

/// <summary>The configuration keys behind one identity, so a failure can name the key to change.</summary>
public sealed record IdentityKeys(string ClientId, string Secret, string Tenant, string? Certificate, string Scope, string AppType = "MicrosoftAppType")
{
    /// <summary>The bot's own identity (connector tokens; SharePoint too when it sets no credentials of its own).</summary>
    public static readonly IdentityKeys Bot = new("MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId", null, "ToChannelFromBotOAuthScope");

    /// <summary>SharePoint's own app registration (SharePoint:ClientId …).</summary>
    public static readonly IdentityKeys SharePoint = new("SharePoint:ClientId", "SharePoint:ClientSecret", "SharePoint:TenantId", "SharePoint:CertificatePath", "SharePoint:GraphBaseUrl");
}
