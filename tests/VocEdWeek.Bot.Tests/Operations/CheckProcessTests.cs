using System.Net;
using System.Net.Sockets;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Operations;

/// <summary>The built program with the first argument <c>check</c>: the same configuration sources (environment variables here), lines and exit codes.</summary>
public sealed class CheckProcessTests
{
    private const string Secret = "Zr7~process.s3cret-not-printed";

    [Fact]
    public async Task The_program_runs_check_and_exits_1_naming_what_is_wrong()
    {
        using var dir = new TempDir();
        var closed = $"https://127.0.0.1:{ClosedPort()}";
        var (exit, output) = await RunAsync(new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["MicrosoftAppId"] = "",
            ["MicrosoftAppPassword"] = Secret,
            ["ToBotFromChannelOpenIdMetadataUrl"] = closed + "/v1/.well-known/openidconfiguration",
            ["ToChannelFromBotLoginUrl"] = closed + "/{0}",
            ["Links__PublicBaseUrl"] = closed,
            ["Storage__Directory"] = dir.Path,
            ["Week__DefinitionFile"] = Path.Combine(RepoPaths.Samples, "2024-wuxi.json"),
            ["Office__Locale"] = "en-US",
        });

        Assert.True(exit == 1, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(10, lines.Length);
        Assert.All(lines[..^1], l => Assert.Contains(l[0], "✓✗–"));
        Assert.Contains(lines, l => l.StartsWith("✗ Outgoing token: MicrosoftAppId is empty", StringComparison.Ordinal) && l.EndsWith("[MicrosoftAppId]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("✓ Storage: " + dir.Path, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("✓ Week file: 2024年职业教育活动周", StringComparison.Ordinal));
        Assert.Equal("9 checks: 3 passed, 4 failed, 2 skipped.", lines[^1]);
        Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_program_exits_2_when_the_configuration_does_not_load()
    {
        using var dir = new TempDir();
        var (exit, output) = await RunAsync(new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["MicrosoftAppId"] = "",
            ["Storage__Directory"] = dir.Path,
        });

        Assert.Equal(2, exit);
        Assert.Contains("MicrosoftAppId is empty", Assert.Single(output.Trim().Split('\n')), StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(Dictionary<string, string> environment)
    {
        var (exit, output, error) = await BotProcess.RunCheckAsync(environment);
        Assert.Equal("", error);
        return (exit, output);
    }

    /// <summary>A port nothing listens on: connections are refused at once (no waiting for a timeout).</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
