namespace VocEdWeek.Bot.Conversation;

/// <summary>
/// Conversation references: saved on install, refreshed per activity, marked on uninstall. Every read-modify-write of a
/// record is atomic, across instances too: Teams sends installationUpdate and conversationUpdate together, and a refresh
/// that read the record before the install was marked must not write the old copy back.
/// </summary>
public interface IConversationStore
{
    /// <summary>Upserts the reference from a turn (the rules are <see cref="ConversationRefresh"/>); the stored record.</summary>
    ConversationRecord Touch(TurnContext turn);

    /// <summary>
    /// <see cref="Touch"/> for the request path: a store that writes to disk may let the turn wait for the write without
    /// holding a thread (LiteDB's group commit); the record is stored when the task ends, as with Touch.
    /// </summary>
    Task<ConversationRecord> TouchAsync(TurnContext turn) => Task.FromResult(Touch(turn));

    /// <summary>
    /// <see cref="TouchAsync"/> for the turn itself: when <see cref="ConversationRefresh.MayWriteBehind"/> allows, a store may
    /// commit the reference behind the turn — its own reads answer the returned record at once, and the write follows in
    /// the next batch (LiteDB, one process). A crash in between loses only that reference, which the chat's next message
    /// carries again. Every other store waits, as TouchAsync does.
    /// </summary>
    Task<ConversationRecord> TouchBehindAsync(TurnContext turn) => TouchAsync(turn);

    /// <summary>Adds the record, or overwrites the one with the same id.</summary>
    void Save(ConversationRecord record);

    /// <summary>
    /// Marks the conversation installed (adding <paramref name="record"/> when it is not stored); true when its welcome is
    /// still to be sent (first install, or again after a removal) — true once, however many install events arrive at the
    /// same time, on however many instances.
    /// </summary>
    bool MarkInstalled(ConversationRecord record, DateTime at);

    /// <summary>Marks the conversation removed (kept, not deleted, so history stays readable).</summary>
    void MarkRemoved(ConversationRecord record, DateTime at);

    ConversationRecord? Find(string id);

    /// <summary>The live 1:1 chat with a user, by Entra object id, else by Teams id; null when never installed.</summary>
    ConversationRecord? FindPersonal(string? aadObjectId, string? userId);

    /// <summary>
    /// Where a 1:1 chat can be opened from: the most recently seen live conversation (of <paramref name="tenantId"/> when
    /// given, else of any known tenant), e.g. the office channel or a staff member's chat.
    /// </summary>
    ConversationRecord? LatestOfTenant(string? tenantId);

    /// <summary>The teams the bot is installed in (the most recently seen live channel record of each), of a tenant when given.</summary>
    IReadOnlyList<ConversationRecord> Teams(string? tenantId);

    /// <summary>Keeps a 1:1 chat the bot opened itself, so the next message goes straight there.</summary>
    ConversationRecord SaveOpened(ConversationRef opened, string? userName, DateTimeOffset at);

    /// <summary>Marks a conversation as gone (Teams answered 404 for it), so it is opened afresh next time; nothing when unknown.</summary>
    void MarkGone(string id, DateTimeOffset at);
}
