namespace VocEdWeek.Bot.Hosting;

/// <summary>Wakes a background worker when new work arrives, so nothing waits for the next poll.</summary>
public class WakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { }
    }

    /// <summary>Waits for a wake-up or until <paramref name="timeout"/> passes on <paramref name="time"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var woken = _signal.WaitAsync(cts.Token);
        var delay = Task.Delay(timeout, time, cts.Token);
        await Task.WhenAny(woken, delay);
        await cts.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}
