namespace VocEdWeek.Bot.Outbox;

/// <summary>Where a job stands. Only <see cref="Pending"/> jobs are ever picked up for sending.</summary>
public enum OutboxState
{
    Pending,
    /// <summary>A send is under way; found at start-up it means the process died mid-send (not resent).</summary>
    Sending,
    Sent,
    /// <summary>Gave up: a permanent error, retries used up, or a send interrupted by a crash.</summary>
    Failed,
    /// <summary>The recipient cannot be reached (blocked, not installed, unknown): do not retry.</summary>
    Gone,
    /// <summary>No longer needed before it went out (e.g. the department submitted meanwhile).</summary>
    Canceled,
}
