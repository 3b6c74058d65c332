using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace VocEdWeek.Bot.Tests.GoLive;

/// <summary>
/// The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package (Linux x64 only, like CI) (a PackageDownload of this test project);
/// the project passes the package's folder in as assembly metadata, since the binary is not copied to bin/.
/// </summary>
internal static class BicepCli
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        /// <summary>Diagnostic lines (the CLI writes "file(line,col) : Warning rule: text" on stderr).</summary>
        public IReadOnlyList<string> Diagnostics =>
            (Output + "\n" + Error).Split('\n')
                .Where(l => l.Contains(" : Warning ", StringComparison.Ordinal) || l.Contains(" : Error ", StringComparison.Ordinal))
                .Select(l => l.Trim())
                .ToList();
    }

    private static readonly Lazy<string> Binary = new(Locate);

    public static Result Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Binary.Value)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Bicep CLI.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung process, not a timing assertion.
        if (!process.WaitForExit(TimeSpan.FromSeconds(180)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"bicep {string.Join(' ', args)} did not finish within 180 s.");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Locate()
    {
        var folder = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepCli").Value;
        var path = Path.Combine(folder ?? "", "tools", "bicep");
        if (!File.Exists(path))
            Assert.Fail($"The Bicep CLI is not at {path}: restore tests/VocEdWeek.Bot.Tests (PackageDownload Azure.Bicep.CommandLine.linux-x64).");
        // NuGet does not promise to keep the executable bit when it extracts a package.
        if (OperatingSystem.IsWindows()) return path;
        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute)) File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        return path;
    }
}
