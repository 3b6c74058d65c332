using System.Diagnostics;

namespace VocEdWeek.Bot.Bench.Profile;

/// <summary>
/// One measured stretch of load against one target, with what the whole process spent on it: CPU time and bytes
/// allocated per request (load generator, fake connector and target together; the bare row is the part that is
/// not the bot), garbage collections and the time the process stood still for them.
/// </summary>
public sealed record Measured(string Target, LoadCounts Load, double CpuUsPerRequest, double AllocatedKbPerRequest, int Collections, double GcPauseUsPerRequest)
{
    public static async Task<Measured> RunAsync(string target, ProfileLoad load, TimeSpan duration)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var collections = GC.CollectionCount(0);
        var paused = GC.GetTotalPauseDuration();
        var counts = await load.RunForAsync(duration);
        process.Refresh();
        var requests = Math.Max(1, counts.Requests);
        return new Measured(
            target,
            counts,
            (process.TotalProcessorTime - cpu).TotalMicroseconds / requests,
            (GC.GetTotalAllocatedBytes(precise: false) - allocated) / 1024.0 / requests,
            GC.CollectionCount(0) - collections,
            (GC.GetTotalPauseDuration() - paused).TotalMicroseconds / requests);
    }
}
