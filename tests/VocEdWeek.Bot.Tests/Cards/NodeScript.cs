using System.Diagnostics;
using System.Text;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>Runs one of the tests/cards-js scripts with node; fails (never skips) when node or its packages are missing.</summary>
internal static class NodeScript
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(string script, params string[] args)
    {
        if (!File.Exists(Path.Combine(RepoPaths.CardsJs, "node_modules", "adaptivecards", "package.json")))
            Assert.Fail($"The npm packages are not installed: run `npm ci` in tests/cards-js ({RepoPaths.CardsJs}).");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.CardsJs,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.CardsJs, script));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["LC_ALL"] = "en_US.UTF-8";
        start.Environment["LANG"] = "en_US.UTF-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(180)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"node {script} did not finish within 180 s.");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
