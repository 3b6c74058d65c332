using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Storage;

namespace VocEdWeek.Bot.Operations.Check.Checks;

/// <summary>
/// <c>Links:PublicBaseUrl</c> must be https (Teams opens the upload page and dashboard there) and its <c>/healthz</c>
/// must answer as this very bot: the instance header equals the one derived from this configuration's signing key,
/// so an old server, another college's bot or a proxy's default page at that address is caught.
/// </summary>
public sealed class PublicAddressCheck : ICheck
{
    private const string Key = "Links:PublicBaseUrl";

    public string NameKey => "check_name_public";

    public async Task<CheckResult> RunAsync(CheckContext context, CancellationToken ct)
    {
        var links = context.Configuration.GetSection("Links").Get<WebLinkOptions>() ?? new WebLinkOptions();
        var storage = context.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var baseUrl = links.PublicBaseUrl.TrimEnd('/');
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            return CheckResult.Fail(context.T("check_public_not_https", baseUrl), context.T("check_public_https_fix"), Key);

        string expected;
        try
        {
            expected = new LinkSigner(links, storage, TimeProvider.System).InstanceId;
        }
        catch (ConfigurationException ex)
        {
            return CheckResult.Fail(ex.Message, context.T("check_settings_fix"), "Links:SigningKey");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return CheckResult.Fail(context.T("check_public_key", Reason.Of(ex)), context.T("check_storage_not_writable_fix"), "Storage:Directory");
        }

        try
        {
            using var response = await context.Http().GetAsync(baseUrl + "/healthz", ct);
            var body = (await response.Content.ReadAsStringAsync(ct)).Trim();
            if (!response.IsSuccessStatusCode || body != "ok")
                return CheckResult.Fail(context.T("check_public_not_ok", baseUrl, (int)response.StatusCode), context.T("check_public_other_fix"), Key);
            if (!response.Headers.TryGetValues(InstanceHeader.Name, out var values))
                return CheckResult.Fail(context.T("check_public_not_bot", baseUrl), context.T("check_public_other_fix"), Key);
            if (!values.Contains(expected, StringComparer.Ordinal))
                return CheckResult.Fail(context.T("check_public_other_bot", baseUrl), context.T("check_public_other_fix"), Key);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return CheckResult.Fail(context.T("check_public_unreachable", baseUrl, Reason.Of(ex)), context.T("check_public_unreachable_fix"), Key);
        }
        return CheckResult.Pass(context.T("check_public_ok", baseUrl));
    }
}
