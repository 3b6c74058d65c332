using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace VocEdWeek.Bot.Bench.Profile;

/// <summary>
/// An EventPipe session on this very process (what <c>dotnet-trace collect --profile cpu-sampling</c> does from
/// outside), written to a <c>.nettrace</c> file: CPU samples of every managed thread about every millisecond, with
/// stacks; GC allocation ticks (one per ~100 KB allocated, with the allocating stack and type); lock contention;
/// and the JIT/loader events plus the end-of-session rundown that turn addresses into method names.
/// perf is not available on this VM, and EventPipe needs no tool installed.
/// </summary>
public sealed class EventPipeRecorder : IAsyncDisposable
{
    // GC (allocation ticks, GC starts and ends) | Loader | Jit | NGen (ready-to-run code) | Contention | Exception.
    private const long RuntimeKeywords = 0x1 | 0x8 | 0x10 | 0x20 | 0x4000 | 0x8000;

    private readonly EventPipeSession _session;
    private readonly Task _copy;

    private EventPipeRecorder(EventPipeSession session, string path)
    {
        _session = session;
        _copy = Task.Run(async () =>
        {
            await using var file = File.Create(path);
            await session.EventStream.CopyToAsync(file);
        });
    }

    public static EventPipeRecorder Start(string path)
    {
        var providers = new[]
        {
            new EventPipeProvider("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
            // Verbose: GCAllocationTick is a verbose event.
            new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, RuntimeKeywords),
        };
        var session = new DiagnosticsClient(Environment.ProcessId).StartEventPipeSession(providers, requestRundown: true, circularBufferMB: 512);
        return new EventPipeRecorder(session, path);
    }

    /// <summary>Ends the session; returns once the rundown is written and the file closed.</summary>
    public async ValueTask DisposeAsync()
    {
        await _session.StopAsync(CancellationToken.None);
        await _copy;
        _session.Dispose();
    }
}
