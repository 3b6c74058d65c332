using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>
/// One target as its own process, pinned alone to core 0 with <c>taskset -c 0</c>, its output in a log file.
/// <c>sh -c 'exec taskset … cmd'</c> and taskset's own exec keep one pid, so <see cref="Pid"/> is the target's
/// and /proc/&lt;pid&gt; gives its CPU time and memory.
/// </summary>
public sealed class TargetProcess : IAsyncDisposable
{
    private static readonly double SecondsPerTick = 1.0 / ClockTicksPerSecond();
    private readonly Process _process;

    private TargetProcess(string name, Process process, Uri url)
    {
        Name = name;
        _process = process;
        Url = url;
    }

    public string Name { get; }

    public Uri Url { get; }

    public int Pid => _process.Id;

    /// <summary>The target ended by itself (a target this bench killed on purpose has not).</summary>
    public bool HasExited => !_disposed && _process.HasExited;

    public static TargetProcess Start(string name, int port, string file, IEnumerable<string> args, IReadOnlyDictionary<string, string> env, string log)
    {
        var start = new ProcessStartInfo("sh") { UseShellExecute = false };
        foreach (var a in (string[])["-c", "exec taskset -c 0 \"$@\" >\"$BENCH_LOG\" 2>&1", "sh", file, .. args]) start.ArgumentList.Add(a);
        foreach (var (k, v) in env) start.Environment[k] = v;
        start.Environment["BENCH_LOG"] = log;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        return new TargetProcess(name, process, new Uri($"http://127.0.0.1:{port}/api/messages"));
    }

    /// <summary>Waits until the target accepts connections (start-up is not measured).</summary>
    public async Task WaitListeningAsync(TimeSpan limit)
    {
        using var stop = new CancellationTokenSource(limit);
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} while starting");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Url.Port, stop.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, stop.Token);
            }
        }
    }

    /// <summary>User + system CPU time the process has used so far (all its threads).</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        // Fields after the command name, which is in parentheses and may hold spaces: state is [0], utime [11], stime [12].
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks * SecondsPerTick);
    }

    /// <summary>Resident set size now, in bytes.</summary>
    public long Rss()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return 1024 * long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        return 0;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool _disposed;

    /// <summary>Kills the target (SIGKILL) and waits for it; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static long ClockTicksPerSecond()
    {
        using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true, UseShellExecute = false });
        var text = getconf?.StandardOutput.ReadToEnd().Trim();
        getconf?.WaitForExit();
        return long.TryParse(text, CultureInfo.InvariantCulture, out var ticks) && ticks > 0 ? ticks : 100;
    }
}
