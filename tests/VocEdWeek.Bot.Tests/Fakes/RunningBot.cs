using System.Diagnostics;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>A bot process started by <see cref="BotProcess.Start"/>: its output as it comes; disposing stops it and removes its data folder.</summary>
public sealed class RunningBot : IDisposable
{
    private readonly Process _process;
    private readonly TempDir _dir;

    internal RunningBot(Process process, TempDir dir)
    {
        _process = process;
        _dir = dir;
    }

    public StreamReader Stdout => _process.StandardOutput;

    public StreamReader Stderr => _process.StandardError;

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.Dispose();
        _dir.Dispose();
    }
}
