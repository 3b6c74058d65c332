namespace VocEdWeek.Bot.Tests.Operations;

/// <summary><c>check</c>'s outgoing-token line: Entra's answers (as its token endpoint words them) said in words, with the setting.</summary>
public sealed class CheckTokenTests : IClassFixture<CheckWorld>
{
    private const string WrongSecret = """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '3f2a6c1e-8b4d-4e8a-9c1f-2d7e5a9b0c41'.","error_codes":[7000215]}""";
    private const string ExpiredSecret = """{"error":"invalid_client","error_description":"AADSTS7000222: The provided client secret keys for app '3f2a6c1e-8b4d-4e8a-9c1f-2d7e5a9b0c41' are expired.","error_codes":[7000222]}""";
    private const string UnknownApp = """{"error":"unauthorized_client","error_description":"AADSTS700016: Application with identifier '3f2a6c1e-8b4d-4e8a-9c1f-2d7e5a9b0c41' was not found in the directory 'Contoso'.","error_codes":[700016]}""";
    private const string UnknownTenant = """{"error":"invalid_request","error_description":"AADSTS90002: Tenant '9b1d7e3a-2c4f-4a6b-8d0e-1f3a5c7e9b2d' not found. Check to make sure you have the correct tenant ID.","error_codes":[90002]}""";

    private readonly CheckWorld _world;

    public CheckTokenTests(CheckWorld world)
    {
        _world = world;
        _world.Reset();
    }

    [Theory]
    [InlineData(WrongSecret, "the client secret is wrong", "[MicrosoftAppPassword]")]
    [InlineData(ExpiredSecret, "the client secret has expired", "[MicrosoftAppPassword]")]
    [InlineData(UnknownApp, "no app with this id in this tenant", "[MicrosoftAppId / MicrosoftAppTenantId]")]
    [InlineData(UnknownTenant, "the tenant does not exist", "[MicrosoftAppTenantId]")]
    public async Task Entra_refusals_are_said_in_words_with_the_setting(string answer, string words, string key)
    {
        _world.Tokens.Failure = (answer.Contains("90002", StringComparison.Ordinal) ? 400 : 401, answer);

        var run = await _world.RunAsync(_world.Settings());

        var line = run.Failure("Outgoing token", key);
        Assert.Contains(words, line, StringComparison.Ordinal);
        AssertNoSecret(run);
    }

    [Fact]
    public async Task Anonymous_mode_is_a_failure_that_says_it_is_for_local_runs_only()
    {
        var settings = _world.Settings();
        settings["environment"] = "Development";
        settings["MicrosoftAppId"] = "";
        settings["MicrosoftAppPassword"] = "";
        settings.Remove("SharePoint:SiteHostName");
        settings.Remove("SharePoint:SitePath");

        var run = await _world.RunAsync(settings);

        Assert.Equal(1, run.ExitCode);
        var line = run.Line("Outgoing token");
        Assert.Contains("anonymous mode", line, StringComparison.Ordinal);
        Assert.Contains("local emulator only", line, StringComparison.Ordinal);
        Assert.EndsWith("[MicrosoftAppId]", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_echoed_back_by_a_server_is_masked()
    {
        _world.Tokens.Failure = (401, $$"""{"error":"invalid_client","error_description":"Credential '{{CheckWorld.Secret}}' rejected."}""");

        var run = await _world.RunAsync(_world.Settings());

        var line = run.Line("Outgoing token");
        Assert.Contains("Credential '***' rejected", line, StringComparison.Ordinal);
        AssertNoSecret(run);
    }

    private static void AssertNoSecret(CheckRun run) => Assert.DoesNotContain(CheckWorld.Secret, run.Output, StringComparison.Ordinal);
}
