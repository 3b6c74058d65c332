namespace VocEdWeek.Bot.Conversation;

public enum DeliveryStatus
{
    Delivered,
    /// <summary>
    /// 403 BotNotInConversationRoster / ConversationBlockedByUser / ForbiddenOperationException (not installed) /
    /// BotDisabledByAdmin / MessageWritesBlocked, or 404 conversation not found: stop sending there.
    /// </summary>
    RecipientGone,
    /// <summary>Still 429 after every retry.</summary>
    ThrottledGaveUp,
    Failed,
}

/// <summary>The outcome of one send, with the reason in the connector's words.</summary>
public sealed record SendResult(DeliveryStatus Status, string? ActivityId = null, int? HttpStatus = null, string? ErrorCode = null, string? ErrorMessage = null)
{
    public bool Delivered => Status == DeliveryStatus.Delivered;

    /// <summary>The conversation a create call opened (a new channel thread), when it opened one.</summary>
    public string? ConversationId { get; init; }
}
