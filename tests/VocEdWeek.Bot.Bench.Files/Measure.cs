using System.Diagnostics;
using System.Globalization;

namespace VocEdWeek.Bot.Bench.Files;

/// <summary>Peak resident memory (VmHWM) and the managed heap's peak, sampled while a phase runs.</summary>
internal sealed class Measure : IDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _sampler;
    private long _peakHeap;

    public Measure() => _sampler = new Timer(_ => Sample(), null, 0, 20);

    public TimeSpan Elapsed => _clock.Elapsed;

    public long PeakHeapBytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peakHeap);
        }
    }

    /// <summary>Peak resident set size of this process since it started (Linux /proc/self/status VmHWM).</summary>
    public static long PeakRssBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
            var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
            return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
        }
        return -1;
    }

    private void Sample()
    {
        var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
        var now = GC.GetTotalMemory(false);
        var value = Math.Max(heap, now);
        long seen;
        while ((seen = Interlocked.Read(ref _peakHeap)) < value && Interlocked.CompareExchange(ref _peakHeap, value, seen) != seen) { }
    }

    public void Dispose() => _sampler.Dispose();
}
