using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;
using VocEdWeek.Bot.Platform.Credentials;
using VocEdWeek.Bot.Protocol.Connector;
using VocEdWeek.Bot.Tests.Protocol.Connector;

namespace VocEdWeek.Bot.Tests.Platform.Credentials;

/// <summary>
/// Token failures in words with the key to change: Entra's answers as MSAL really throws them (a local token
/// endpoint answering with Entra's error bodies), and Azure.Identity's managed identity failures.
/// </summary>
public sealed class IdentityErrorsTests
{
    [Theory]
    [InlineData(401, "invalid_client", "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.", "MicrosoftAppPassword", "is not a valid client secret")]
    [InlineData(401, "invalid_client", "AADSTS7000222: The provided client secret keys for app '6f1c2a9e' are expired.", "MicrosoftAppPassword", "has expired")]
    [InlineData(400, "unauthorized_client", "AADSTS700016: Application with identifier '6f1c2a9e' was not found in the directory 'Contoso'.", "MicrosoftAppId", "was not found in the tenant given by MicrosoftAppTenantId")]
    [InlineData(400, "invalid_request", "AADSTS90002: Tenant '3f3d1cea' not found. Check to make sure you have the correct tenant ID.", "MicrosoftAppTenantId", "was not found")]
    [InlineData(503, "temporarily_unavailable", "The service is temporarily unavailable.", null, "tried again later")]
    public async Task Entra_answers_as_MSAL_throws_them(int status, string error, string description, string? key, string words)
    {
        await using var host = await ConnectorTestHost.StartAsync(credentials: "SingleTenant");
        host.Tokens!.Failure = (status, $$"""{"error":"{{error}}","error_description":"{{description}}","trace_id":"t","correlation_id":"c"}""");
        var tokens = host.Services.GetRequiredService<ConnectorTokenProvider>();

        var thrown = await Assert.ThrowsAnyAsync<MsalException>(() => tokens.GetTokenAsync());
        var failure = IdentityErrors.Describe(thrown, ConnectorTestHost.AppId);

        Assert.Equal(key, failure.Key);
        Assert.Contains(words, failure.Message, StringComparison.Ordinal);
        Assert.Equal(status >= 500, failure.IsTransient);
        if (key is not null)
        {
            Assert.StartsWith(description[..description.IndexOf(':', StringComparison.Ordinal)], failure.Code, StringComparison.Ordinal);
            Assert.Contains(key, failure.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("AADSTS700027: Client assertion contains an invalid signature.", "SharePoint:CertificatePath")]
    [InlineData("AADSTS700024: Client assertion is not within its valid time range.", "SharePoint:CertificatePath")]
    [InlineData("AADSTS7000215: Invalid client secret provided.", "SharePoint:ClientSecret")]
    [InlineData("AADSTS700016: Application with identifier 'x' was not found in the directory 'y'.", "SharePoint:ClientId")]
    public void SharePoint_keys_are_named_for_its_own_app_registration(string description, string key)
    {
        var inner = new MsalServiceException("invalid_client", description);
        var failure = IdentityErrors.Describe(new AuthenticationFailedException("ClientCertificateCredential authentication failed: " + description, inner),
            "11111111-1111-1111-1111-111111111111", IdentityKeys.SharePoint);

        Assert.Equal(key, failure.Key);
        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
        Assert.False(failure.IsTransient);
    }

    [Fact]
    public void No_managed_identity_endpoint_names_MicrosoftAppType()
    {
        var failure = IdentityErrors.Describe(new CredentialUnavailableException("ManagedIdentityCredential authentication unavailable. No response received from the managed identity endpoint."));

        Assert.Equal("MicrosoftAppType", failure.Key);
        Assert.StartsWith("No managed identity endpoint answered", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_client_id_on_a_VM_is_said_like_on_App_Service()
    {
        var failure = IdentityErrors.Describe(
            new CredentialUnavailableException("ManagedIdentityCredential authentication unavailable. The requested identity has not been assigned to this resource."),
            "22222222-2222-2222-2222-222222222222");

        Assert.Equal("MicrosoftAppId", failure.Key);
        Assert.StartsWith("The managed identity endpoint does not know client id 22222222-2222-2222-2222-222222222222: set MicrosoftAppId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Anything_else_keeps_the_first_line_only()
    {
        var failure = IdentityErrors.Describe(new MsalClientException("weird_error", "Something odd.\n   at Some.Stack.Trace()"), "x");

        Assert.Equal("weird_error", failure.Code);
        Assert.Equal("No token for x: Something odd.", failure.Message);
    }
}
