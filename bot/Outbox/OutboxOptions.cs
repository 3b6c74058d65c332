namespace VocEdWeek.Bot.Outbox;

/// <summary><c>Outbox</c> section.</summary>
public sealed class OutboxOptions
{
    /// <summary>How often the worker looks for due jobs when nobody wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Sends in flight at once (each to a different conversation; the connector paces per thread and tenant).</summary>
    public int MaxParallel { get; set; } = 8;

    /// <summary>Jobs taken per round.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Attempts before a throttled or transiently failing job is given up.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First wait before a retry; doubled per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a claim keeps other instances off a job: long enough for a round of sends, short enough that the jobs of
    /// an instance that died are taken over (or, if their send had started, closed as interrupted) soon after.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
}
