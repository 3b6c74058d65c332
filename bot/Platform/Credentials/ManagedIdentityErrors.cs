using Azure.Identity;
using Microsoft.Identity.Client;

namespace VocEdWeek.Bot.Platform.Credentials;

/// <summary>
/// Managed identity failures in words. App Service's identity endpoint answers an unknown client id with 400
/// "Unable to load the proper Managed Identity."; a VM's instance metadata endpoint with 400 "Identity not found";
/// Azure.Identity then says the identity "has not been assigned". No endpoint at all: CredentialUnavailableException.
/// </summary>
internal static class ManagedIdentityErrors
{
    private static readonly string[] UnknownIdentity =
    [
        "Unable to load the proper Managed Identity",
        "Identity not found",
        "has not been assigned to this resource",
    ];

    public static TokenFailure? Describe(Exception exception, MsalException? msal, int? status, string text, string id, IdentityKeys k)
    {
        if (UnknownIdentity.Any(s => text.Contains(s, StringComparison.OrdinalIgnoreCase))
            || (msal?.ErrorCode == MsalError.ManagedIdentityRequestFailed && status == 400))
        {
            return new("ManagedIdentityUnknownClientId",
                $"The managed identity endpoint does not know client id {id}: set {k.ClientId} to the client id of the user-assigned identity attached to this web app (or VM).",
                k.ClientId, false);
        }
        var unreachable = msal?.ErrorCode == MsalError.ManagedIdentityUnreachableNetwork
            || text.Contains("Multiple attempts failed", StringComparison.OrdinalIgnoreCase);
        if (unreachable || IdentityErrors.Chain(exception).Any(e => e is CredentialUnavailableException))
        {
            return new("ManagedIdentityUnavailable",
                $"No managed identity endpoint answered (App Service's IDENTITY_ENDPOINT, or the VM's 169.254.169.254): run the bot on the web app or VM the identity is attached to, or set {k.AppType} to SingleTenant with a client secret.",
                k.AppType, unreachable);
        }
        return null;
    }
}
