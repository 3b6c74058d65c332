using System.Diagnostics;
using System.Text;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>
/// The one way tests start the built bot as its own process (anonymous, Development, a fresh data folder, the test's
/// environment variables on top), for what only a real process shows: start-up refusals, console output, <c>check</c>.
/// </summary>
public static class BotProcess
{
    private const string Loopback = "http://127.0.0.1:0";

    /// <summary>Starts the bot and waits for it to stop by itself (a guard of 30 s).</summary>
    public static async Task<(int ExitCode, string Stderr)> RunUntilItStopsAsync(Dictionary<string, string> environment, string urls = Loopback)
    {
        var (exitCode, _, stderr) = await RunToEndAsync(["--urls", urls], environment, TimeSpan.FromSeconds(30), "the bot should stop at once");
        return (exitCode, stderr.Trim());
    }

    /// <summary>Runs <c>check</c> (the program's first argument) to its end (a guard of 60 s).</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunCheckAsync(Dictionary<string, string> environment) =>
        RunToEndAsync(["check"], environment, TimeSpan.FromSeconds(60), "check should finish");

    /// <summary>Runs <c>migrate-storage</c> to its end (a guard of 120 s).</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunMigrateStorageAsync(Dictionary<string, string> environment) =>
        RunToEndAsync(["migrate-storage"], environment, TimeSpan.FromSeconds(120), "migrate-storage should finish");

    /// <summary>Starts the bot listening on a free loopback port; the test reads its output and disposes it to stop it.</summary>
    public static RunningBot Start(Dictionary<string, string> environment)
    {
        var dir = new TempDir();
        return new RunningBot(Process.Start(StartInfo(["--urls", Loopback], dir, environment))!, dir);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunToEndAsync(
        string[] arguments, Dictionary<string, string> environment, TimeSpan guard, string expectation)
    {
        using var dir = new TempDir();
        using var process = Process.Start(StartInfo(arguments, dir, environment))!;
        // Both pipes are drained while waiting: a full pipe would stall the process.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(guard))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail(expectation);
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static ProcessStartInfo StartInfo(string[] arguments, TempDir dir, Dictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "VocEdWeek.Bot.dll"), .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["MicrosoftAppId"] = "";
        psi.Environment["Storage__Directory"] = dir.Path;
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        return psi;
    }
}
