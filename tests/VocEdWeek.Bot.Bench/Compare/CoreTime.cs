using System.Globalization;

namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>
/// Busy and total time of one core from /proc/stat (in clock ticks). The machine may be shared: what the target got of
/// its core, against how busy the core was, tells a target that waited for I/O from one that waited for the CPU.
/// </summary>
public readonly record struct CoreTime(long Busy, long Total)
{
    public static CoreTime Read(int core)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"cpu{core} ");
        var line = File.ReadLines("/proc/stat").First(l => l.StartsWith(prefix, StringComparison.Ordinal));
        // user nice system idle iowait irq softirq steal …: idle and iowait are the core doing nothing.
        var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = f.Sum();
        return new CoreTime(total - f[3] - f[4], total);
    }

    /// <summary>How busy the core was between <paramref name="before"/> and this reading, in percent.</summary>
    public double BusyPercentSince(CoreTime before) =>
        Total == before.Total ? double.NaN : 100.0 * (Busy - before.Busy) / (Total - before.Total);
}
