namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>
/// Which connector failures are worth another attempt and how long to wait first (protocol.md §3.2, §4):
/// 412, 429, 502, 503, 504 and network failures; never other 4xx or 500.
/// </summary>
public sealed class ConnectorRetryPolicy
{
    private readonly ConnectorOptions options;
    private readonly Func<double> random;

    public ConnectorRetryPolicy(ConnectorOptions options)
        : this(options, Random.Shared.NextDouble)
    {
    }

    internal ConnectorRetryPolicy(ConnectorOptions options, Func<double> random)
    {
        this.options = options;
        this.random = random;
    }

    public int MaxAttempts => options.MaxAttempts;

    /// <summary>True for the statuses Teams documents as transient.</summary>
    public static bool IsTransient(int status) => status is 412 or 429 or 502 or 503 or 504;

    /// <summary>
    /// The wait after failed attempt number <paramref name="attempt"/> (1-based): the server's
    /// <c>Retry-After</c> when given (capped), else base × 2^(attempt-1) with ±20 % jitter, capped.
    /// </summary>
    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } hint && hint > TimeSpan.Zero)
            return hint < options.MaxRetryAfter ? hint : options.MaxRetryAfter;
        var exponential = options.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16));
        var jittered = exponential * (0.8 + (0.4 * random()));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, options.MaxRetryDelay.TotalMilliseconds));
    }
}
