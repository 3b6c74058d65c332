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
            return EntraErrors.Explain(ex, context, EntraErrors.Connector, options.LoginAuthority);
        }
        return CheckResult.Pass(context.T("check_token_ok", options.LoginAuthority, options.OAuthScope));
    }
}
