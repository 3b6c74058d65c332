namespace VocEdWeek.Bot.Scheduling;

/// <summary><c>Scheduling</c> section.</summary>
public sealed class SchedulingOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler looks at the clock.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// With several instances on PostgreSQL: how often one that does not lead tries to take over (and the leader checks it
    /// still does), so a dead leader is replaced within this time plus a tick.
    /// </summary>
    public TimeSpan LeaderRetry { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How late a reminder missed while the bot was down may still go out (09:00 at 09:20 yes, at 13:00 no).</summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The same for digests, which stay useful longer.</summary>
    public TimeSpan DigestGracePeriod { get; set; } = TimeSpan.FromHours(2);
}
