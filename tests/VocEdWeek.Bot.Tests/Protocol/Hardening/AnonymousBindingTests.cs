namespace VocEdWeek.Bot.Tests.Protocol.Hardening;

/// <summary>
/// Issue 15, hole 9: anonymous mode (no authentication in or out) is for a developer's own machine only:
/// the real process refuses it outside Development, and when it would listen on anything but loopback.
/// </summary>
public sealed class AnonymousBindingTests
{
    [Theory]
    [InlineData("Staging", "http://127.0.0.1:0", "ASPNETCORE_ENVIRONMENT")]
    [InlineData("Development", "http://0.0.0.0:0", "urls")]
    [InlineData("Development", "http://127.0.0.1:0;http://[::]:0", "urls")]
    public async Task Anonymous_mode_refuses_to_start_off_a_developers_loopback(string environment, string urls, string namedKey)
    {
        var (exitCode, stderr) = await Fakes.BotProcess.RunUntilItStopsAsync(new() { ["ASPNETCORE_ENVIRONMENT"] = environment }, urls);
        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("MicrosoftAppId", line, StringComparison.Ordinal);
        Assert.Contains(namedKey, line, StringComparison.Ordinal);
    }
}
