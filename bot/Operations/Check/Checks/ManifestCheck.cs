using System.IO.Compression;
using System.Text.Json;
using VocEdWeek.Bot.Features.Dashboard.SignIn;
using VocEdWeek.Bot.Links;
using VocEdWeek.Bot.Protocol;

namespace VocEdWeek.Bot.Operations.Check.Checks;

/// <summary>
/// Given <c>--manifest</c> (the app package .zip or its manifest.json): the bot id Teams will talk to must be
/// <c>MicrosoftAppId</c>, <c>webApplicationInfo</c> the tab's sign-in app and its Application ID URI, and <c>validDomains</c>
/// must hold the public host, or Teams will not open the bot's links.
/// </summary>
public sealed class ManifestCheck : ICheck
{
    public string NameKey => "check_name_manifest";

    public Task<CheckResult> RunAsync(CheckContext context, CancellationToken ct) => Task.FromResult(Run(context));

    private static CheckResult Run(CheckContext context)
    {
        if (context.ManifestPath is not { } path) return CheckResult.Skipped(context.T("check_manifest_none"));
        JsonDocument manifest;
        try
        {
            manifest = Read(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or JsonException or ArgumentException)
        {
            return CheckResult.Fail(context.T("check_manifest_unreadable", path, Reason.Of(ex)), context.T("check_manifest_unreadable_fix"), null);
        }
        using (manifest)
        {
            var root = manifest.RootElement;
            var appId = context.Services.GetRequiredService<BotFrameworkOptions>().MicrosoftAppId;
            var botId = root.TryGetProperty("bots", out var bots) && bots.ValueKind == JsonValueKind.Array && bots.GetArrayLength() > 0
                && bots[0].TryGetProperty("botId", out var id) ? id.GetString() : null;
            if (!SameId(botId, appId))
                return CheckResult.Fail(context.T("check_manifest_botid", botId ?? "—", Show(appId)), context.T("check_manifest_id_fix"), "MicrosoftAppId");
            if (root.TryGetProperty("webApplicationInfo", out var web) && web.ValueKind == JsonValueKind.Object && WebApplicationInfo(context, web) is { } failed) return failed;

            var links = context.Configuration.GetSection("Links").Get<WebLinkOptions>() ?? new WebLinkOptions();
            var host = Uri.TryCreate(links.PublicBaseUrl, UriKind.Absolute, out var uri) ? uri.Host : links.PublicBaseUrl;
            var domains = root.TryGetProperty("validDomains", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(d => d.GetString() ?? "").ToArray()
                : [];
            if (!domains.Any(d => Covers(d, host)))
                return CheckResult.Fail(context.T("check_manifest_domain", host), context.T("check_manifest_domain_fix"), "Links:PublicBaseUrl");
            return CheckResult.Pass(context.T("check_manifest_ok", host));
        }
    }

    /// <summary>
    /// The tab's single sign-on: webApplicationInfo must name the app whose tokens the bot accepts for the tab
    /// (TabSso:ClientId, else MicrosoftAppId) and its Application ID URI on the public host, or Teams asks Entra for
    /// a token the bot then refuses.
    /// </summary>
    private static CheckResult? WebApplicationInfo(CheckContext context, JsonElement web)
    {
        var sso = TabSsoSettings.From(context.Configuration);
        var expectedId = sso.Enabled ? sso.ClientId : context.Services.GetRequiredService<BotFrameworkOptions>().MicrosoftAppId;
        var key = sso.Enabled && !string.IsNullOrWhiteSpace(context.Configuration["TabSso:ClientId"]) ? "TabSso:ClientId" : "MicrosoftAppId";
        var id = web.TryGetProperty("id", out var webId) && webId.ValueKind == JsonValueKind.String ? webId.GetString() : null;
        if (!SameId(id, expectedId))
            return CheckResult.Fail(context.T("check_manifest_webapp", id ?? "—", Show(expectedId)), context.T("check_manifest_id_fix"), key);
        var resource = web.TryGetProperty("resource", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        if (sso.Enabled && !string.Equals(resource, sso.Audiences[0], StringComparison.OrdinalIgnoreCase))
            return CheckResult.Fail(context.T("check_manifest_webapp_resource", resource ?? "—", sso.Audiences[0]), context.T("check_manifest_webapp_resource_fix"), "Links:PublicBaseUrl");
        return null;
    }

    /// <summary>manifest.json at the root of the package, or the file itself when it is not a zip.</summary>
    private static JsonDocument Read(string path)
    {
        if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) return JsonDocument.Parse(File.ReadAllBytes(path));
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, "manifest.json", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidDataException("no manifest.json at the root of the package");
        using var stream = entry.Open();
        return JsonDocument.Parse(stream);
    }

    private static bool SameId(string? a, string b) => !string.IsNullOrWhiteSpace(a) && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Show(string appId) => string.IsNullOrWhiteSpace(appId) ? "—" : appId;

    /// <summary>Teams allows one leading wildcard label: "*.college.edu.cn" covers "bot.college.edu.cn".</summary>
    private static bool Covers(string domain, string host) =>
        string.Equals(domain, host, StringComparison.OrdinalIgnoreCase)
        || (domain.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(domain[1..], StringComparison.OrdinalIgnoreCase)
            && !host[..^(domain.Length - 1)].Contains('.', StringComparison.Ordinal));
}
