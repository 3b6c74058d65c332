using VocEdWeek.Bot.Files.SharePoint;

namespace VocEdWeek.Bot.Operations.Check.Checks;

/// <summary>
/// With <c>SharePoint:*</c> configured: the settings through the bot's own validator, a Graph token, the site, the
/// library, and a small file written under the root folder and deleted again — the permissions uploads need.
/// </summary>
public sealed class SharePointCheck : ICheck
{
    public string NameKey => "check_name_sharepoint";

    public async Task<CheckResult> RunAsync(CheckContext context, CancellationToken ct)
    {
        if (!SharePointSettings.IsConfigured(context.Configuration))
            return CheckResult.Skipped(context.T("check_sharepoint_off"));
        SharePointSettings settings;
        try
        {
            settings = SharePointSettings.From(context.Configuration, context.Environment.EnvironmentName)!;
        }
        catch (ConfigurationException ex)
        {
            return CheckResult.Fail(ex.Message, context.T("check_sharepoint_settings_fix"), SettingNames.In(ex.Message));
        }

        var keys = KeysOf(context.Configuration);
        var handler = context.Services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(CheckCommand.GraphTokenClientName);
        var tokens = new GraphTokenProvider(() => GraphCredentials.Create(settings, handler), settings.Scope, context.Services.GetRequiredService<TimeProvider>());
        try
        {
            await tokens.GetTokenAsync(ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            return EntraErrors.Explain(ex, context, keys, settings.AuthorityHost);
        }

        using var http = SharePointExtensions.CreateHttpClient(settings);
        var api = new GraphDriveApi(http, tokens, settings.GraphBaseUrl);
        var step = "check_sharepoint_step_site";
        try
        {
            var siteId = settings.SiteId;
            if (siteId is null && settings.SiteHostName is { } host) siteId = await api.GetSiteIdAsync(host, settings.SitePath, ct);
            step = "check_sharepoint_step_drive";
            var driveId = settings.DriveId;
            if (driveId is null && settings.DriveName is { } name)
            {
                driveId = await api.FindDriveIdAsync(siteId!, name, ct);
                if (driveId is null)
                    return CheckResult.Fail(context.T("check_sharepoint_drive_missing", name), context.T("check_sharepoint_drive_fix"), "SharePoint:DriveName");
            }
            driveId ??= await api.GetDefaultDriveIdAsync(siteId!, ct);

            step = "check_sharepoint_step_write";
            var path = settings.RootFolder.Append($"vocedweek-check-{Guid.NewGuid():N}.txt").ToArray();
            var bytes = "VocEdWeek.Bot check: this file is deleted right away."u8.ToArray();
            var item = await api.PutContentAsync(driveId, path, new MemoryStream(bytes), bytes.Length, ct);
            step = "check_sharepoint_step_delete";
            await api.DeleteItemAsync(driveId, item.Id!, ct);
            var folder = settings.RootFolder.Count == 0 ? "/" : string.Join('/', settings.RootFolder);
            return CheckResult.Pass(context.T("check_sharepoint_ok", settings.DriveName ?? driveId, folder));
        }
        catch (GraphCallException ex) when (ex.Status == 403)
        {
            return CheckResult.Fail(context.T("check_sharepoint_forbidden", context.T(step), ex.Code ?? "accessDenied"), context.T("check_sharepoint_forbidden_fix"), keys.AppId);
        }
        catch (GraphCallException ex) when (ex.Status == 404 && step == "check_sharepoint_step_site")
        {
            return CheckResult.Fail(context.T("check_sharepoint_site_missing", ex.Code ?? "404"), context.T("check_sharepoint_site_fix"),
                settings.SiteId is null ? "SharePoint:SiteHostName / SharePoint:SitePath" : "SharePoint:SiteId");
        }
        catch (GraphCallException ex)
        {
            var key = ex.Status == 404 ? (settings.DriveId is null ? "SharePoint:SiteId" : "SharePoint:DriveId") : null;
            return CheckResult.Fail(context.T("check_sharepoint_failed", context.T(step), ex.Status, ex.Code ?? ex.GraphMessage), context.T("check_sharepoint_failed_fix"), key);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return CheckResult.Fail(context.T("check_sharepoint_failed", context.T(step), 0, Reason.Of(ex)), context.T("check_sharepoint_failed_fix"), "SharePoint:GraphBaseUrl");
        }
    }

    /// <summary>SharePoint's own credential settings when given, else the bot's, which it falls back to.</summary>
    private static EntraErrors.Keys KeysOf(IConfiguration configuration)
    {
        // SharePoint's own credentials when set, else the bot's (the same fallback SharePointSettings makes).
        var o = configuration.GetSection("SharePoint").Get<SharePointOptions>() ?? new SharePointOptions();
        return new EntraErrors.Keys(
            KeyOf(o.ClientId, "SharePoint:ClientId", "MicrosoftAppId"),
            KeyOf(o.TenantId, "SharePoint:TenantId", "MicrosoftAppTenantId"),
            KeyOf(o.ClientSecret, "SharePoint:ClientSecret", "MicrosoftAppPassword"),
            "SharePoint:AuthorityHost",
            "SharePoint:CertificatePath");
    }

    private static string KeyOf(string? value, string ownKey, string botKey) => string.IsNullOrWhiteSpace(value) ? botKey : ownKey;
}
