using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Operations.Metrics;

/// <summary>
/// How old a turn is when the app starts it: from when the user acted (<see cref="TurnContext.ReceivedAt"/>, the channel's
/// timestamp when it is believable) to now. A queue in front of the app — the thread pool starved by blocked threads, as
/// in the 12:00 rush on disk — shows here and nowhere else: a turn's own budget starts only when the turn does, so
/// requests that waited 20 s for a thread left no line in the log. Every turn's age and the turns in flight go to the
/// metrics; a turn <see cref="Threshold"/> or more late writes a warning, at most one per <see cref="Every"/> (a backlog of
/// thousands writes a few lines, each counting the late turns since the one before), and the first on-time turn after
/// that says the backlog is over.
/// </summary>
public sealed partial class TurnBacklog(BotMetrics metrics, TimeProvider time, ILogger<TurnBacklog> log)
{
    /// <summary>Well above the second or so Teams takes to bring a click to the bot; below the 15 s it waits for an answer.</summary>
    public static readonly TimeSpan Threshold = TimeSpan.FromSeconds(3);

    /// <summary>At most one line per this long, whatever the number of late turns.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private int _inFlight;
    private int _late;
    private TimeSpan _worst;
    private DateTimeOffset _lastLine;
    private bool _behind;

    /// <summary>Turns started and not yet ended.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>A turn starts: its age is measured (and warned about); call <see cref="Ended"/> when it ends.</summary>
    public void Started(TurnContext turn)
    {
        Interlocked.Increment(ref _inFlight);
        metrics.TurnStarted();
        var now = time.GetUtcNow();
        var age = now - turn.ReceivedAt;
        if (age < TimeSpan.Zero) age = TimeSpan.Zero; // a timestamp ahead of this clock: not late
        metrics.TurnAge(age);
        if (age >= Threshold) Late(age, now);
        else if (Volatile.Read(ref _behind)) OnTime(now);
    }

    public void Ended()
    {
        Interlocked.Decrement(ref _inFlight);
        metrics.TurnEnded();
    }

    private void Late(TimeSpan age, DateTimeOffset now)
    {
        int late;
        TimeSpan worst;
        lock (_gate)
        {
            _late++;
            if (age > _worst) _worst = age;
            // The first late turn of a backlog is told at once; while it lasts, one line per interval.
            if (_behind && now - _lastLine < Every) return;
            (late, worst) = (_late, _worst);
            (_late, _worst, _lastLine, _behind) = (0, TimeSpan.Zero, now, true);
        }
        LogLate(log, late, Threshold.TotalSeconds, age.TotalSeconds, worst.TotalSeconds, InFlight, ThreadPool.PendingWorkItemCount, ThreadPool.ThreadCount);
    }

    private void OnTime(DateTimeOffset now)
    {
        int late;
        TimeSpan worst;
        lock (_gate)
        {
            if (!_behind || now - _lastLine < Every) return;
            (late, worst) = (_late, _worst);
            (_late, _worst, _lastLine, _behind) = (0, TimeSpan.Zero, now, false);
        }
        LogCaughtUp(log, late, worst.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turns start late: {Late} turn(s) began {Threshold} s or more after the user acted since the last such line, "
        + "this one {Age:F1} s, the worst {Worst:F1} s; {InFlight} turns in flight, {Queued} work items queued in the thread pool on {Threads} threads. "
        + "Requests are waiting before the bot reaches them (a busy or blocked process), or this machine's clock is ahead of Teams' (run `check`)")]
    private static partial void LogLate(ILogger logger, int late, double threshold, double age, double worst, int inFlight, long queued, int threads);

    [LoggerMessage(Level = LogLevel.Information, Message = "Turns start on time again; {Late} more late turn(s) since the last warning, the worst {Worst:F1} s")]
    private static partial void LogCaughtUp(ILogger logger, int late, double worst);
}
