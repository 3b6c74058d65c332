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

    /// <summary>The bot's Storage:Directory (removed when this is disposed).</summary>
    public string DataDirectory => _dir.Path;

    /// <summary>SIGKILL, no orderly shutdown: what the bot answered must already be in <see cref="DataDirectory"/>.</summary>
    public void KillNow()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.Dispose();
        _dir.Dispose();
    }
}
