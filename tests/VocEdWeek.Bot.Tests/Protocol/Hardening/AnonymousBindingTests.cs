using System.Diagnostics;

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
        var (exitCode, stderr) = await RunBotAsync(environment, urls);
        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("MicrosoftAppId", line, StringComparison.Ordinal);
        Assert.Contains(namedKey, line, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stderr)> RunBotAsync(string environment, string urls)
    {
        using var dir = new Fakes.TempDir();
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "VocEdWeek.Bot.dll"), "--urls", urls])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        psi.Environment["MicrosoftAppId"] = "";
        psi.Environment["Storage__Directory"] = dir.Path;
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(30_000))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "still running: it should have refused to start");
        }
        return (process.ExitCode, await stderr);
    }
}
