namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>
/// Paces outgoing connector calls so Teams never has to throttle them: sliding windows per thread
/// (<see cref="RateWindow.TeamsPerThread"/>) and a per-tenant ceiling. A caller waits (through
/// <see cref="TimeProvider"/>) until its request fits every window, then the send time is logged.
/// </summary>
/// <remarks>
/// A caller that finds both gates free and both windows with room takes its slot in one step under the lock (the
/// common case: one lock per send, no gate). Otherwise callers for one thread queue on that thread's gate (FIFO), so
/// only the head of each queue polls the windows; the head then queues on the tenant gate, which it holds only while
/// the tenant window is full.
/// Logs keep only the last hour, and threads idle for an hour are dropped, so memory follows recent traffic.
/// </remarks>
public sealed class ConnectorRateLimiter
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly TimeProvider time;
    private readonly (int Limit, long Period)[] threadWindows;
    private readonly (int Limit, long Period)[] tenantWindows;
    // How long a lane's entries can still count: a thread's longest window is an hour, a tenant's a second. A tenant log
    // kept for the hour held every send of that hour (millions under load), grown by copying.
    private readonly long threadHorizon;
    private readonly long tenantHorizon;
    private readonly object sync = new();
    private readonly Dictionary<string, Lane> threads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lane> tenants = new(StringComparer.Ordinal);
    private long lastSweep;

    public ConnectorRateLimiter(ConnectorOptions options, TimeProvider time)
        : this(RateWindow.TeamsPerThread, [new RateWindow(options.TenantRequestsPerSecond, TimeSpan.FromSeconds(1))], options.RateWindowMargin, time)
    {
    }

    internal ConnectorRateLimiter(IReadOnlyList<RateWindow> perThread, IReadOnlyList<RateWindow> perTenant, TimeSpan margin, TimeProvider time)
    {
        this.time = time;
        threadWindows = perThread.Select(w => (w.Limit, Ticks(w.Period + margin))).ToArray();
        tenantWindows = perTenant.Select(w => (w.Limit, Ticks(w.Period + margin))).ToArray();
        threadHorizon = threadWindows.Select(w => w.Period).DefaultIfEmpty(0).Max();
        tenantHorizon = tenantWindows.Select(w => w.Period).DefaultIfEmpty(0).Max();
        lastSweep = time.GetTimestamp();
    }

    /// <summary>Threads and tenants currently tracked (for tests and diagnostics).</summary>
    internal int TrackedLanes
    {
        get { lock (sync) return threads.Count + tenants.Count; }
    }

    /// <summary>
    /// Waits until one more request to <paramref name="threadKey"/> (null: no thread limit, e.g. reads)
    /// in <paramref name="tenantKey"/> fits every window, and records it. Returns when the slot was taken.
    /// </summary>
    public Task<DateTimeOffset> AcquireAsync(string? threadKey, string? tenantKey, CancellationToken ct = default)
    {
        // A caller past its deadline gets no slot, free or not: its request would go out late.
        if (ct.IsCancellationRequested) return Task.FromCanceled<DateTimeOffset>(ct);
        Lane? thread;
        Lane tenant;
        lock (sync)
        {
            SweepIfDue();
            thread = threadKey is null ? null : LaneOf(threads, threadKey, threadHorizon);
            tenant = LaneOf(tenants, tenantKey ?? "", tenantHorizon);
            // The common case, in one step under sync: nobody holds or awaits either gate and both windows have room.
            // A gate's holder keeps it from its check to its entry, so nobody is between; the slot is taken as the
            // holder would take it. Anything else queues on the gates as below.
            var now = time.GetTimestamp();
            if (thread is null || (thread.Gate.CurrentCount == 1 && Fits(thread, threadWindows, now)))
            {
                if (tenant.Gate.CurrentCount == 1 && Fits(tenant, tenantWindows, now))
                {
                    tenant.Log.Add(now);
                    thread?.Log.Add(now);
                    return Task.FromResult(time.GetUtcNow());
                }
            }
            if (thread is not null) thread.Users++;
            tenant.Users++;
        }
        return QueueAsync(threadKey, thread, tenantKey, tenant, ct);
    }

    private async Task<DateTimeOffset> QueueAsync(string? threadKey, Lane? thread, string? tenantKey, Lane tenant, CancellationToken ct)
    {
        try
        {
            if (thread is null) return await PassTenantAsync(tenant, null, ct);
            await thread.Gate.WaitAsync(ct);
            try
            {
                // Only this caller adds to the thread's log now, so once it fits it keeps fitting.
                await WaitUntilFitsAsync(thread, threadWindows, ct);
                return await PassTenantAsync(tenant, thread, ct);
            }
            finally
            {
                thread.Gate.Release();
            }
        }
        finally
        {
            Leave(threads, threadKey, thread);
            Leave(tenants, tenantKey ?? "", tenant);
        }
    }

    private async Task<DateTimeOffset> PassTenantAsync(Lane tenant, Lane? thread, CancellationToken ct)
    {
        lock (sync)
        {
            // Nobody holds or awaits the tenant's gate and the window has room: take the slot here, as the gate's holder
            // would, in one step under sync (a holder keeps the gate from its check to its entry, so none is between).
            var now = time.GetTimestamp();
            if (tenant.Gate.CurrentCount == 1 && Fits(tenant, tenantWindows, now))
            {
                tenant.Log.Add(now);
                thread?.Log.Add(now);
                return time.GetUtcNow();
            }
        }
        await tenant.Gate.WaitAsync(ct);
        try
        {
            await WaitUntilFitsAsync(tenant, tenantWindows, ct);
            lock (sync)
            {
                var now = time.GetTimestamp();
                tenant.Log.Add(now);
                thread?.Log.Add(now);
                return time.GetUtcNow();
            }
        }
        finally
        {
            tenant.Gate.Release();
        }
    }

    private async Task WaitUntilFitsAsync(Lane lane, (int Limit, long Period)[] windows, CancellationToken ct)
    {
        while (true)
        {
            long now, due;
            lock (sync)
            {
                now = time.GetTimestamp();
                lane.Log.TrimThrough(now - lane.Horizon);
                due = lane.Log.EarliestAllowed(now, windows);
            }
            if (due <= now) return;
            // Task.Delay counts whole milliseconds (truncating), so round up: a sub-millisecond
            // remainder would otherwise complete at once and spin without time moving.
            var waitMs = Math.Ceiling((due - now) * 1000.0 / time.TimestampFrequency);
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, waitMs)), time, ct);
        }
    }

    /// <summary>Under sync.</summary>
    private static bool Fits(Lane lane, (int Limit, long Period)[] windows, long now)
    {
        lane.Log.TrimThrough(now - lane.Horizon);
        return lane.Log.EarliestAllowed(now, windows) <= now;
    }

    /// <summary>Under sync.</summary>
    private static Lane LaneOf(Dictionary<string, Lane> lanes, string key, long horizon)
    {
        if (!lanes.TryGetValue(key, out var lane)) lanes[key] = lane = new Lane(horizon);
        return lane;
    }

    private void Leave(Dictionary<string, Lane> lanes, string? key, Lane? lane)
    {
        if (key is null || lane is null) return;
        lock (sync)
        {
            lane.Users--;
            if (lane.Users == 0 && lane.Log.Count == 0) lanes.Remove(key);
        }
    }

    private void SweepIfDue()
    {
        var now = time.GetTimestamp();
        if (now - lastSweep < Ticks(SweepEvery)) return;
        lastSweep = now;
        Sweep(threads, now);
        Sweep(tenants, now);
    }

    private void Sweep(Dictionary<string, Lane> lanes, long now)
    {
        foreach (var (key, lane) in lanes)
        {
            if (lane.Users > 0) continue;
            lane.Log.TrimThrough(now - lane.Horizon);
            if (lane.Log.Count == 0) lanes.Remove(key);
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);

    private sealed class Lane(long horizon)
    {
        public long Horizon { get; } = horizon;
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public SlidingWindowLog Log { get; } = new();
        public int Users { get; set; }
    }
}
