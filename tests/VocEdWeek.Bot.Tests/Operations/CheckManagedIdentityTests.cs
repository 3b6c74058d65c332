using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Operations;

/// <summary>
/// <c>check</c>'s outgoing-token line with <c>MicrosoftAppType: UserAssignedMSI</c>, against a fake App Service identity
/// endpoint: the token comes from the identity, and an unknown client id is named as <c>MicrosoftAppId</c>.
/// Alone: the identity endpoint reaches Azure.Identity through process environment variables.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class CheckManagedIdentityTests : IClassFixture<CheckWorld>
{
    private readonly CheckWorld _world;

    public CheckManagedIdentityTests(CheckWorld world)
    {
        _world = world;
        _world.Reset();
    }

    [Fact]
    public async Task The_token_comes_from_the_attached_identity()
    {
        var clientId = Guid.NewGuid().ToString();
        await using var identity = await FakeIdentityEndpoint.StartAsync(clientId);
        using var _ = identity.Use();

        var run = await _world.RunAsync(Msi(clientId));

        var line = run.Line("Outgoing token");
        Assert.StartsWith("✓", line, StringComparison.Ordinal);
        Assert.Contains($"managed identity {clientId}", line, StringComparison.Ordinal);
        Assert.Contains(identity.Requests, r => r.ClientId == clientId && r.Resource.StartsWith("https://api.botframework.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_id_the_identity_endpoint_does_not_know_is_named()
    {
        var attached = Guid.NewGuid().ToString();
        var configured = Guid.NewGuid().ToString();
        await using var identity = await FakeIdentityEndpoint.StartAsync(attached);
        using var _ = identity.Use();

        var run = await _world.RunAsync(Msi(configured));

        var line = run.Failure("Outgoing token", "[MicrosoftAppId]");
        Assert.Contains($"does not know client id {configured}", line, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Msi(string clientId)
    {
        var settings = _world.Settings();
        settings["MicrosoftAppType"] = "UserAssignedMSI";
        settings["MicrosoftAppId"] = clientId;
        settings.Remove("MicrosoftAppPassword");
        return settings;
    }
}
