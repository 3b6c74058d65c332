namespace VocEdWeek.Bot.Protocol.Inbound;

/// <summary>
/// One sender's (or conversation's) allowance: holds up to <c>capacity</c> tokens, refilled evenly so that
/// <c>capacity</c> come back per period. A request takes one token. Times are <see cref="TimeProvider"/>
/// timestamps. Not thread-safe: <see cref="InboundLimiter"/> guards it.
/// </summary>
internal sealed class TokenBucket
{
    private readonly double capacity;
    private readonly double tokensPerTick;
    private double tokens;
    private long updated;

    public TokenBucket(double capacity, double tokensPerTick, long now)
    {
        this.capacity = capacity;
        this.tokensPerTick = tokensPerTick;
        tokens = capacity;
        updated = now;
    }

    /// <summary>While refusing: when the burst began and how many requests it refused so far.</summary>
    public long BurstStarted { get; private set; } = -1;

    public int Refused { get; private set; }

    public bool InBurst => BurstStarted >= 0;

    /// <summary>When "please slow down" was last said in this conversation (-1: never).</summary>
    public long LastNotice { get; set; } = -1;

    public bool HasToken(long at)
    {
        Refill(at);
        return tokens >= 1;
    }

    public void Take() => tokens -= 1;

    /// <summary>Counts a refusal; true when it starts a burst (the one moment worth a warning).</summary>
    public bool Refuse(long at)
    {
        Refused++;
        if (InBurst) return false;
        BurstStarted = at;
        return true;
    }

    /// <summary>A burst is over once the sender slowed down long enough for the bucket to fill up again.</summary>
    public bool TryEndBurst(long at, out long started, out int refused)
    {
        started = BurstStarted;
        refused = Refused;
        if (!InBurst || !IsFull(at)) return false;
        BurstStarted = -1;
        Refused = 0;
        return true;
    }

    public bool IsFull(long at)
    {
        Refill(at);
        return tokens >= capacity;
    }

    private void Refill(long at)
    {
        if (at <= updated) return;
        tokens = Math.Min(capacity, tokens + ((at - updated) * tokensPerTick));
        updated = at;
    }
}
