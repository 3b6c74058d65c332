namespace VocEdWeek.Bot.Outbox;

/// <summary>The outcome of a job, shown to the office in words (<see cref="OutcomeWords"/>).</summary>
public enum OutboxOutcome
{
    Queued,
    Delivered,
    /// <summary>403 ConversationBlockedByUser / MessageWritesBlocked.</summary>
    Blocked,
    /// <summary>403 ForbiddenOperationException / BotNotInConversationRoster, or the 1:1 chat could not be opened.</summary>
    NotInstalled,
    /// <summary>403 BotDisabledByAdmin.</summary>
    DisabledByAdmin,
    /// <summary>404: the user or the conversation is unknown to Teams.</summary>
    UnknownUser,
    /// <summary>Known only by e-mail and never talked to the bot: no Teams id to write to.</summary>
    NotReachable,
    /// <summary>The stored channel or chat is gone (bot removed).</summary>
    ConversationGone,
    /// <summary>429 after the connector's own retries: tried again later.</summary>
    Throttled,
    /// <summary>The process stopped during the send; not resent so nobody gets it twice.</summary>
    Interrupted,
    /// <summary>The send went out but no answer came back (timeout, connection lost): not resent so nobody gets it twice.</summary>
    Unconfirmed,
    /// <summary>Not sent because it was no longer needed.</summary>
    NoLongerNeeded,
    Failed,
}
