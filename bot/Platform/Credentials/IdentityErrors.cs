using System.Text.RegularExpressions;
using Azure.Identity;
using Microsoft.Identity.Client;

namespace VocEdWeek.Bot.Platform.Credentials;

/// <summary>
/// Turns what MSAL and Azure.Identity throw into one sentence and the configuration key to change: Entra's AADSTS
/// codes (wrong or expired secret, unknown app or tenant, certificate problems) and managed identity failures
/// (unknown client id, no identity endpoint). Used by the connector's log at turn time and by the <c>check</c> command.
/// Never includes a secret: only ids, codes and the first line of what Entra said.
/// </summary>
public static partial class IdentityErrors
{
    /// <summary>True for the exceptions a token request throws (MSAL's, Azure.Identity's).</summary>
    public static bool IsTokenFailure(Exception exception) =>
        exception is MsalException or AuthenticationFailedException;

    /// <param name="exception">What the token request threw.</param>
    /// <param name="clientId">The app or identity client id asked for (shown in the sentence; else the key's name).</param>
    /// <param name="keys">Which keys hold that identity; default <see cref="IdentityKeys.Bot"/>.</param>
    public static TokenFailure Describe(Exception exception, string? clientId = null, IdentityKeys? keys = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var k = keys ?? IdentityKeys.Bot;
        var id = string.IsNullOrWhiteSpace(clientId) ? $"({k.ClientId})" : clientId;
        var text = AllText(exception);
        var aadsts = AadstsCode().Match(text) is { Success: true } m ? m.Value : null;
        if (aadsts is not null && EntraErrors.Describe(aadsts, id, k) is { } known) return known;

        var msal = Chain(exception).OfType<MsalException>().FirstOrDefault();
        var status = (msal as MsalServiceException)?.StatusCode;
        if (ManagedIdentityErrors.Describe(exception, msal, status, text, id, k) is { } identity) return identity;

        var code = aadsts ?? msal?.ErrorCode ?? exception.GetType().Name;
        if (status is 429 or >= 500 || msal?.ErrorCode is MsalError.RequestTimeout or MsalError.ServiceNotAvailable)
            return new TokenFailure(code, $"The token service did not answer this time ({code}, HTTP {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}); the request is tried again later.", null, true);
        return new TokenFailure(code, $"No token for {id}: {FirstLine(exception)}", k.ClientId, false);
    }

    internal static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException) yield return e;
    }

    /// <summary>The first line of the outermost message: Entra's own sentence, without trace ids and links.</summary>
    internal static string FirstLine(Exception exception)
    {
        var line = exception.Message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    private static string AllText(Exception exception) =>
        string.Join("\n", Chain(exception).Select(e => e is MsalServiceException s ? s.Message + "\n" + s.ResponseBody : e.Message));

    [GeneratedRegex(@"AADSTS\d+", RegexOptions.CultureInvariant)]
    private static partial Regex AadstsCode();
}
