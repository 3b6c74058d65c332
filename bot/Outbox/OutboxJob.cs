namespace VocEdWeek.Bot.Outbox;

/// <summary>
/// One proactive message in the outbox. <see cref="Id"/> is the idempotency key
/// ("job|slot|recipient"): a key is stored once and sent at most once.
/// </summary>
public sealed class OutboxJob
{
    public string Id { get; set; } = "";
    /// <summary>What kind of message, e.g. "reminder", "digest", "notice".</summary>
    public string Topic { get; set; } = "";
    /// <summary>0 = someone is waiting for it (one-click), 1 = scheduled.</summary>
    public int Priority { get; set; } = 1;
    public OutboxRecipient Recipient { get; set; } = new();
    /// <summary>The <see cref="Conversation.OutgoingMessage"/> as JSON (<see cref="OutboxPayload"/>).</summary>
    public string Payload { get; set; } = "{}";

    /// <summary>Context for guards and logs: the week, department and items a reminder is about.</summary>
    public string? WeekId { get; set; }
    public string? DepartmentId { get; set; }
    public List<string> ItemKeys { get; set; } = [];

    public OutboxState State { get; set; }
    public OutboxOutcome Outcome { get; set; }
    /// <summary>The connector's code and message, for the log.</summary>
    public string? OutcomeDetail { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>The conversation it went to and the message id Teams gave it.</summary>
    public string? ConversationId { get; set; }
    public string? ActivityId { get; set; }

    /// <summary>
    /// The instance (its <see cref="Storage.InstanceName"/>) that has claimed the job, and until when that claim holds: while
    /// it holds, no other instance takes the job (see <see cref="IOutboxStore.ClaimDue"/>); the same name started again does.
    /// </summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }

    // Get-only: LiteDB stores only properties it can set, so a computed one needs no attribute.
    public bool IsFinal => State is OutboxState.Sent or OutboxState.Failed or OutboxState.Gone or OutboxState.Canceled;
}
