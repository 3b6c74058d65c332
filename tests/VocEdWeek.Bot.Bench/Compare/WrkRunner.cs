using System.Diagnostics;
using System.Globalization;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>
/// Runs wrk, pinned to core 1 beside the fakes, with wrk/stream.lua: one thread (its core is shared with the
/// fakes), keep-alive connections, closed loop. wrk is the primary load generator because it is independent of
/// every target.
/// </summary>
public sealed class WrkRunner(CompareFakes fakes)
{
    private static readonly string Script = Path.Combine(RepoPaths.Root, "tests", "VocEdWeek.Bot.Bench", "wrk", "stream.lua");
    private long _nextFirst;
    private int _runs;

    public async Task<WrkResult> RunAsync(Uri url, StreamKind kind, string luaKind, int connections, TimeSpan duration, CancellationToken cancel)
    {
        const int threads = 1;
        var start = new ProcessStartInfo("taskset") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-c", "1", "wrk", $"-t{threads}", $"-c{connections}",
                     string.Create(CultureInfo.InvariantCulture, $"-d{duration.TotalSeconds:F0}s"), "--timeout", "30s", "-s", Script, url.ToString()])
            start.ArgumentList.Add(a);
        start.Environment["BENCH_TOKEN"] = fakes.Token;
        start.Environment["BENCH_SERVICE_URL"] = fakes.Connector.ServiceUrl;
        start.Environment["BENCH_APP_ID"] = AuthenticatedBot.AppId;
        start.Environment["BENCH_TENANT_ID"] = AuthenticatedBot.TenantId;
        start.Environment["BENCH_RUN"] = $"cmp{Interlocked.Increment(ref _runs)}-{Guid.NewGuid():N}"[..20];
        start.Environment["BENCH_KIND"] = luaKind;
        start.Environment["BENCH_POOL"] = $"{kind.KnownConversations}";
        start.Environment["BENCH_THREADS"] = $"{threads}";
        // New conversations never repeat over the whole run: each wrk run starts 10^8 numbers further on.
        start.Environment["BENCH_FIRST"] = $"{Interlocked.Add(ref _nextFirst, 100_000_000)}";
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        var stdout = wrk.StandardOutput.ReadToEndAsync(cancel);
        var stderr = wrk.StandardError.ReadToEndAsync(cancel);
        await wrk.WaitForExitAsync(cancel);
        var line = (await stdout).Split('\n').FirstOrDefault(l => l.StartsWith("WRK ", StringComparison.Ordinal));
        return line is not null && wrk.ExitCode == 0
            ? WrkResult.Parse(line)
            : throw new InvalidOperationException($"wrk exited with {wrk.ExitCode}: {await stderr}{await stdout}");
    }
}
