namespace VocEdWeek.Bot.Bench.Profile;

/// <summary>
/// Counts of CPU samples and allocated bytes, by area (<see cref="CostAreas"/>), by frame anywhere on the stack
/// (inclusive, once per sample) and by the frame on top (exclusive). Waiting threads are counted apart.
/// </summary>
public sealed class StackTally
{
    public Dictionary<string, long> Areas { get; } = [];
    public Dictionary<string, long> Inclusive { get; } = [];
    public Dictionary<string, long> Exclusive { get; } = [];
    public Dictionary<string, long> IdleLeaves { get; } = [];
    /// <summary>Samples of threads asleep on a contended lock, by the innermost bot frame (or the top frame).</summary>
    public Dictionary<string, long> LockWaits { get; } = [];
    public Dictionary<string, long> AllocatedByArea { get; } = [];
    public Dictionary<string, long> AllocatedByType { get; } = [];
    /// <summary>Bytes by the innermost frame of the bot's own code on the allocating stack.</summary>
    public Dictionary<string, long> AllocatedByBotFrame { get; } = [];
    public long Busy { get; private set; }
    public long Idle { get; private set; }
    public long AllocatedBytes { get; private set; }

    /// <param name="frames">Method names from the top of the stack (leaf) down to the thread's start.</param>
    /// <param name="managed">The thread was running managed code; otherwise it was outside (native code, a wait).</param>
    public void AddSample(IReadOnlyList<string> frames, bool managed)
    {
        var leaf = frames.Count > 0 ? frames[0] : "(no managed frame)";
        if (CostAreas.IsWaiting(frames, managed))
        {
            Idle++;
            Add(IdleLeaves, leaf, 1);
            return;
        }
        if (!managed && CostAreas.IsLockWait(leaf))
        {
            Idle++;
            Add(LockWaits, frames.FirstOrDefault(IsBotCode) ?? frames.FirstOrDefault(f => !CostAreas.IsLockWait(f)) ?? leaf, 1);
            return;
        }
        Busy++;
        var self = leaf == Unresolved ? $"{leaf} in {frames.FirstOrDefault(f => f != Unresolved) ?? "?"}" : leaf;
        Add(Exclusive, managed ? self : self + " [native]", 1);
        Add(Areas, CostAreas.Of(frames), 1);
        foreach (var frame in frames.Distinct()) Add(Inclusive, frame, 1);
    }

    public void AddAllocation(IReadOnlyList<string> frames, string type, long bytes)
    {
        AllocatedBytes += bytes;
        Add(AllocatedByArea, CostAreas.Of(frames), bytes);
        Add(AllocatedByType, type, bytes);
        var own = frames.FirstOrDefault(IsBotCode);
        if (own is not null) Add(AllocatedByBotFrame, own, bytes);
    }

    /// <summary>A code address no method was found for (runtime stubs, native code).</summary>
    public const string Unresolved = "?!?";

    public static bool IsBotCode(string frame) => frame.StartsWith("VocEdWeek.Bot.", StringComparison.Ordinal)
        && !frame.StartsWith("VocEdWeek.Bot.Bench.", StringComparison.Ordinal)
        && !frame.StartsWith("VocEdWeek.Bot.Tests.", StringComparison.Ordinal);

    private static void Add(Dictionary<string, long> counts, string key, long value) =>
        counts[key] = counts.GetValueOrDefault(key) + value;
}
