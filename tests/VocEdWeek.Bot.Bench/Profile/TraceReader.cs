using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.EventPipe;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace VocEdWeek.Bot.Bench.Profile;

/// <summary>
/// Reads a <c>.nettrace</c> with TraceEvent: converts it to an <c>.etlx</c> beside it (which resolves code addresses to
/// method names from the JIT and rundown events), then tallies every CPU sample and allocation tick of this process.
/// </summary>
public static class TraceReader
{
    public static StackTally Read(string nettrace)
    {
        var etlx = TraceLog.CreateFromEventPipeDataFile(nettrace, Path.ChangeExtension(nettrace, ".etlx"));
        var tally = new StackTally();
        using (var log = new TraceLog(etlx))
        {
            var source = log.Events.GetSource();
            var samples = new SampleProfilerTraceEventParser(source);
            samples.ThreadSample += e => tally.AddSample(Frames(e), e.Type == ClrThreadSampleType.Managed);
            source.Clr.GCAllocationTick += e => tally.AddAllocation(Frames(e), e.TypeName ?? "?", e.AllocationAmount64);
            source.Process();
        }
        File.Delete(etlx);
        return tally;
    }

    /// <summary>Method names, top of the stack first, without their parameter lists.</summary>
    private static List<string> Frames(TraceEvent e)
    {
        var frames = new List<string>(48);
        for (var stack = e.CallStack(); stack is not null; stack = stack.Caller)
        {
            var address = stack.CodeAddress;
            var name = address.FullMethodName;
            if (string.IsNullOrEmpty(name)) name = (address.ModuleName is { Length: > 0 } module ? module : "?") + "!?";
            var paren = name.IndexOf('(', StringComparison.Ordinal);
            frames.Add(paren > 0 ? name[..paren] : name);
        }
        return frames;
    }
}
