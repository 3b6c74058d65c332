namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>
/// Outbound connector tuning, bound from the <c>Connector</c> section. The defaults follow the Teams
/// rate-limit guidance (protocol.md §3.2, §4); change them only with a reason.
/// </summary>
public sealed class ConnectorOptions
{
    public const string Section = "Connector";

    /// <summary>Requests per second for one tenant across all conversations (Teams: ~30–50 per app per tenant).</summary>
    public int TenantRequestsPerSecond { get; set; } = 30;

    /// <summary>Attempts per request, the first one included.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First back-off; doubled per failed attempt, ±20 % jitter.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A longer <c>Retry-After</c> is cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Added to every rate window so network jitter cannot push a burst over the service's count.</summary>
    public TimeSpan RateWindowMargin { get; set; } = TimeSpan.FromMilliseconds(50);

    public void ThrowIfInvalid()
    {
        if (TenantRequestsPerSecond < 1)
            throw new ConfigurationException("Connector:TenantRequestsPerSecond must be at least 1.");
        if (MaxAttempts is < 1 or > 10)
            throw new ConfigurationException("Connector:MaxAttempts must be between 1 and 10.");
        if (BaseRetryDelay < TimeSpan.Zero || MaxRetryDelay < BaseRetryDelay)
            throw new ConfigurationException("Connector:BaseRetryDelay must be >= 0 and <= Connector:MaxRetryDelay.");
        if (MaxRetryAfter < TimeSpan.Zero)
            throw new ConfigurationException("Connector:MaxRetryAfter must be >= 0.");
        if (RequestTimeout <= TimeSpan.Zero)
            throw new ConfigurationException("Connector:RequestTimeout must be positive.");
        if (RateWindowMargin < TimeSpan.Zero)
            throw new ConfigurationException("Connector:RateWindowMargin must be >= 0.");
    }
}
