using System.Diagnostics;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>The built bot as its own process (anonymous, Development, a fresh data folder), for what only start-up shows.</summary>
public static class BotProcess
{
    /// <summary>Starts the bot with <paramref name="environment"/> on top and waits for it to stop by itself (a guard of 30 s).</summary>
    public static async Task<(int ExitCode, string Stderr)> RunUntilItStopsAsync(Dictionary<string, string> environment)
    {
        using var dir = new TempDir();
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "VocEdWeek.Bot.dll"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["MicrosoftAppId"] = "";
        psi.Environment["Storage__Directory"] = dir.Path;
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(30_000), "the bot should stop at once");
        await stdout;
        return (process.ExitCode, (await stderr).Trim());
    }
}
