namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>
/// The send times of one thread or tenant, oldest first, in <see cref="TimeProvider"/> timestamp units.
/// A ring buffer: appends and trims are O(1), the n-th newest entry is O(1). Not thread-safe.
/// </summary>
internal sealed class SlidingWindowLog
{
    private long[] items = new long[8];
    private int head;

    public int Count { get; private set; }

    public long Newest => items[(head + Count - 1) % items.Length];

    public void Add(long timestamp)
    {
        if (Count == items.Length) Grow();
        items[(head + Count) % items.Length] = timestamp;
        Count++;
    }

    /// <summary>Drops entries at or before <paramref name="cutoff"/>; they no longer count in any window.</summary>
    public void TrimThrough(long cutoff)
    {
        while (Count > 0 && items[head] <= cutoff)
        {
            head = (head + 1) % items.Length;
            Count--;
        }
        if (Count == 0) head = 0;
        if (items.Length > 64 && Count < items.Length / 4) Shrink();
    }

    /// <summary>
    /// The earliest time at or after <paramref name="now"/> when one more entry fits every window:
    /// for a window (limit L, period P) that is the L-th newest entry + P.
    /// </summary>
    public long EarliestAllowed(long now, ReadOnlySpan<(int Limit, long Period)> windows)
    {
        var at = now;
        foreach (var (limit, period) in windows)
        {
            if (Count >= limit) at = Math.Max(at, this[Count - limit] + period);
        }
        return at;
    }

    private long this[int index] => items[(head + index) % items.Length];

    private void Grow() => Resize(items.Length * 2);

    private void Shrink() => Resize(Math.Max(8, items.Length / 2));

    private void Resize(int size)
    {
        var copy = new long[size];
        for (var i = 0; i < Count; i++) copy[i] = this[i];
        items = copy;
        head = 0;
    }
}
