namespace VocEdWeek.Bot.Bench;

/// <summary>One worker's measurements; only its own task touches it.</summary>
public sealed class WorkerResult
{
    /// <summary>Stopwatch ticks of every successful request completed inside the window.</summary>
    public List<long> Latencies { get; } = new(capacity: 16_384);

    public int Errors { get; set; }

    public string? FirstError { get; set; }

    /// <summary>200 answers in any phase (warm-up and tail included): each should mean one connector reply.</summary>
    public long Answered { get; set; }
}
