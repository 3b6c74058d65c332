namespace VocEdWeek.Bot.Platform.Credentials;

/// <summary>Entra ID's AADSTS codes that point at one configuration key, in words.</summary>
internal static class EntraErrors
{
    public static TokenFailure? Describe(string code, string id, IdentityKeys k)
    {
        var certificate = k.Certificate ?? k.Secret;
        return code switch
        {
            "AADSTS7000215" => new(code, $"{k.Secret} is not a valid client secret of app {id}: copy the secret's Value (not its Secret ID) from the app registration's Certificates & secrets into {k.Secret}.", k.Secret, false),
            "AADSTS7000222" => new(code, $"The client secret in {k.Secret} has expired: create a new secret for app {id} and put its Value in {k.Secret}.", k.Secret, false),
            "AADSTS700016" => new(code, $"App {id} was not found in the tenant given by {k.Tenant}: set {k.ClientId} to the app id of the Azure Bot's app registration in that tenant (or correct {k.Tenant}).", k.ClientId, false),
            "AADSTS90002" or "AADSTS90013" or "AADSTS900023" => new(code, $"The tenant in {k.Tenant} was not found: set {k.Tenant} to your Entra tenant id (a GUID) or its primary domain (contoso.onmicrosoft.com).", k.Tenant, false),
            "AADSTS700027" => new(code, $"Entra did not accept the certificate of app {id}: upload the certificate in {certificate} (its public part) to the app registration's Certificates & secrets, or point {certificate} at the one registered there.", certificate, false),
            "AADSTS700024" => new(code, $"Entra says the signed client assertion of app {id} is outside its valid time range: set this server's clock right (NTP), and check that the certificate in {certificate} is within its validity.", certificate, false),
            "AADSTS500011" => new(code, $"The resource asked for in {k.Scope} does not exist in the tenant of app {id}: leave {k.Scope} empty for the cloud's default, or correct it.", k.Scope, false),
            _ => null,
        };
    }
}
