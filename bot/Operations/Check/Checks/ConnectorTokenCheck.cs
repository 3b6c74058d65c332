using VocEdWeek.Bot.Platform.Credentials;
using VocEdWeek.Bot.Protocol;

namespace VocEdWeek.Bot.Operations.Check.Checks;

/// <summary>
/// Asks for the bot's outgoing token through the very <see cref="IConnectorTokenSource"/> the bot sends with
/// (secret, certificate or managed identity — whatever the configuration selects), and says Entra's refusal in words.
/// </summary>
public sealed class ConnectorTokenCheck : ICheck
{
    public string NameKey => "check_name_token";

    public async Task<CheckResult> RunAsync(CheckContext context, CancellationToken ct)
    {
        var options = context.Services.GetRequiredService<BotFrameworkOptions>();
        if (options.IsAnonymous)
            return CheckResult.Fail(context.T("check_token_anonymous"), context.T("check_token_anonymous_fix"), "MicrosoftAppId");
        try
        {
            var token = await context.Services.GetRequiredService<IConnectorTokenSource>().GetTokenAsync(ct);
            if (string.IsNullOrEmpty(token))
                return CheckResult.Fail(context.T("check_token_anonymous"), context.T("check_token_anonymous_fix"), "MicrosoftAppId");
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            if (options.IsUserAssignedMsi && ManagedIdentityFailure(ex, options, context) is { } identity) return identity;
            return EntraErrors.Explain(ex, context, EntraErrors.Connector, options.LoginAuthority);
        }
        // A managed identity has no login authority of ours: the token comes from the host's identity endpoint.
        return options.IsUserAssignedMsi
            ? CheckResult.Pass(context.T("check_token_ok_msi", options.MicrosoftAppId, options.OAuthScope))
            : CheckResult.Pass(context.T("check_token_ok", options.LoginAuthority, options.OAuthScope));
    }

    /// <summary>The identity endpoint's own refusals (unknown client id, no endpoint on this host), in the protocol layer's words.</summary>
    private static CheckResult? ManagedIdentityFailure(Exception ex, BotFrameworkOptions options, CheckContext context)
    {
        var failure = IdentityErrors.Describe(ex, options.MicrosoftAppId);
        return failure.Code switch
        {
            "ManagedIdentityUnknownClientId" => CheckResult.Fail(context.T("check_msi_unknown_client", options.MicrosoftAppId), context.T("check_msi_unknown_client_fix"), "MicrosoftAppId"),
            "ManagedIdentityUnavailable" => CheckResult.Fail(context.T("check_msi_unavailable", failure.Code), context.T("check_msi_unavailable_fix"), "MicrosoftAppType"),
            _ => null,
        };
    }
}
