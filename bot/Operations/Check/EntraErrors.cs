using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Operations.Check;

/// <summary>
/// Entra's refusals said in words, with the setting to change. Entra answers with an AADSTS code in the error
/// description; MSAL and Azure.Identity keep that text in their exception message, which is all this reads.
/// </summary>
public static partial class EntraErrors
{
    /// <summary>The settings behind one credential: the bot's own, or SharePoint's (which may fall back to the bot's).</summary>
    public sealed record Keys(string AppId, string Tenant, string Secret, string Authority, string Certificate);

    public static readonly Keys Connector = new("MicrosoftAppId", "MicrosoftAppTenantId", "MicrosoftAppPassword", "ToChannelFromBotLoginUrl", "MicrosoftAppPassword");

    public static CheckResult Explain(Exception ex, CheckContext context, Keys keys, string authority)
    {
        if (ex.GetType().Name == "CredentialUnavailableException")
            return CheckResult.Fail(context.T("check_msi_unavailable", FirstLine(ex.Message)), context.T("check_msi_unavailable_fix"), "MicrosoftAppType");
        var code = CodeOf(ex);
        if (code is null)
        {
            return IsNetwork(ex)
                ? CheckResult.Fail(context.T("check_entra_unreachable", authority, FirstLine(Innermost(ex).Message)), context.T("check_entra_unreachable_fix"), keys.Authority)
                : CheckResult.Fail(context.T("check_entra_refused", ServerWords(ex.Message)), context.T("check_entra_refused_fix"), keys.AppId);
        }
        return code switch
        {
            "7000215" => Fail(context, code, code, keys.Secret),
            "7000222" => Fail(context, code, code, keys.Secret),
            "700016" => Fail(context, code, code, $"{keys.AppId} / {keys.Tenant}"),
            "90002" => Fail(context, code, code, keys.Tenant),
            "900023" => Fail(context, code, "90002", keys.Tenant),
            "7000112" => Fail(context, code, code, keys.AppId),
            "700027" => Fail(context, code, code, keys.Certificate),
            "500011" => Fail(context, code, code, keys.Authority == EntraErrors.Connector.Authority ? "ToChannelFromBotOAuthScope" : "SharePoint:GraphBaseUrl"),
            _ => CheckResult.Fail(context.T("check_entra_other", code), context.T("check_entra_other_fix", code), $"{keys.AppId} / {keys.Tenant} / {keys.Secret}"),
        };
    }

    /// <summary>The number after "AADSTS" in the exception or any inner one, or null.</summary>
    public static string? CodeOf(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            var match = AadstsCode().Match(e.Message);
            if (match.Success) return match.Groups[1].Value;
        }
        return null;
    }

    private static CheckResult Fail(CheckContext context, string code, string fixCode, string key) =>
        CheckResult.Fail(context.T($"check_entra_{code}"), context.T($"check_entra_{fixCode}_fix"), key);

    private static bool IsNetwork(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or System.Net.Sockets.SocketException or TaskCanceledException) return true;
        }
        return false;
    }

    /// <summary>MSAL puts its own advice first and the server's words after "Original exception:"; the latter say more.</summary>
    private static string ServerWords(string message)
    {
        const string marker = "Original exception:";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        return FirstLine(at < 0 ? message : message[(at + marker.Length)..]);
    }

    private static Exception Innermost(Exception ex) => ex.InnerException is null ? ex : Innermost(ex.InnerException);

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 160 ? line[..160] + "…" : line;
    }

    [GeneratedRegex(@"AADSTS(\d{5,7})")]
    private static partial Regex AadstsCode();
}
