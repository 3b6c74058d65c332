namespace VocEdWeek.Bot.Operations.Health;

/// <summary><c>Health</c> section: how far behind the background work may fall before <c>/healthz/ready</c> says so.</summary>
public sealed class HealthOptions
{
    /// <summary>The longest a proactive message may sit due but unsent (the worker normally sends within seconds).</summary>
    public TimeSpan MaxOutboxAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The longest a stored file may wait for SharePoint (retries back off up to 15 minutes, so this spans several).</summary>
    public TimeSpan MaxUploadQueueAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many tick intervals the scheduler may miss (at least a minute in all) before it counts as stalled.</summary>
    public int MaxMissedTicks { get; set; } = 3;
}
