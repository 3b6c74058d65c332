using System.Text.Json;
using VocEdWeek.Bot.Protocol;
using VocEdWeek.Bot.Protocol.Auth;

namespace VocEdWeek.Bot.Operations.Check.Checks;

/// <summary>
/// The metadata the bot validates Teams' tokens with: fetched through the bot's own retriever and HTTP client, then its
/// jwks_uri, and at least one key must be endorsed for <c>msteams</c> — else every message from Teams would get 401.
/// </summary>
public sealed class OpenIdMetadataCheck : ICheck
{
    private const string Key = "ToBotFromChannelOpenIdMetadataUrl";

    public string NameKey => "check_name_metadata";

    public async Task<CheckResult> RunAsync(CheckContext context, CancellationToken ct)
    {
        var options = context.Services.GetRequiredService<BotFrameworkOptions>();
        var url = options.ChannelMetadataUrl;
        var documents = new MetadataDocumentRetriever(context.Services.GetRequiredService<IHttpClientFactory>());

        string metadata;
        try
        {
            metadata = await documents.GetDocumentAsync(url, ct);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or ArgumentException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return CheckResult.Fail(context.T("check_metadata_unreachable", url, Reason.Of(ex)), context.T("check_metadata_fix"), Key);
        }
        EndorsedConfiguration configuration;
        try
        {
            configuration = new EndorsedConfiguration(metadata);
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException)
        {
            return CheckResult.Fail(context.T("check_metadata_invalid", url), context.T("check_jwks_fix"), Key);
        }
        if (string.IsNullOrWhiteSpace(configuration.JwksUri))
            return CheckResult.Fail(context.T("check_metadata_invalid", url), context.T("check_jwks_fix"), Key);

        string jwks;
        try
        {
            jwks = await documents.GetDocumentAsync(configuration.JwksUri, ct);
            configuration.LoadKeys(jwks, 1);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or ArgumentException or JsonException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return CheckResult.Fail(context.T("check_jwks_unreachable", configuration.JwksUri, Reason.Of(ex)), context.T("check_metadata_fix"), Key);
        }
        var endorsed = configuration.SigningKeys
            .Select(k => k.KeyId)
            .Distinct(StringComparer.Ordinal)
            .Count(kid => kid is not null && configuration.Find(kid)?.Endorsements?.Contains("msteams", StringComparer.OrdinalIgnoreCase) == true);
        if (endorsed == 0)
            return CheckResult.Fail(context.T("check_jwks_no_msteams", configuration.JwksUri, configuration.SigningKeys.Count), context.T("check_jwks_fix"), Key);
        return CheckResult.Pass(context.T("check_metadata_ok", url, endorsed));
    }
}
