namespace VocEdWeek.Bot.Conversation;

/// <summary>
/// What a turn changes in its stored conversation (<see cref="IConversationStore.Touch"/>), the same whichever database
/// keeps it. The serviceUrl is always the latest one seen. A write costs a disk flush, so an unchanged reference is only
/// written again once an hour (to keep "last seen" useful). Where messages go (serviceUrl, tenant, bot, user) is only
/// REPLACED by an authenticated turn from the same conversation; an unauthenticated one (anonymous mode) may add a new
/// conversation, but never one that claims a user who already has a 1:1 chat — otherwise reminders meant for them would
/// follow it.
/// </summary>
public static class ConversationRefresh
{
    private static readonly TimeSpan RewriteAfter = TimeSpan.FromHours(1);

    /// <summary>The id the turn's conversation is kept under: channel turns arrive on thread ids (…;messageid=…), one record per channel.</summary>
    public static string IdOf(ConversationRef c) =>
        c.Scope == ConversationScope.Channel && c.ChannelId is not null ? c.ChannelId : c.ConversationId;

    /// <summary>
    /// Whether the reply to <paramref name="turn"/> may go before its reference is committed
    /// (<see cref="IConversationStore.TouchBehindAsync"/>): a message, card or consent in a 1:1 chat of a known tenant.
    /// Installs and removals always wait: they are what a reminder relies on for someone who never writes. Channel and
    /// group chats wait too: the digest channel and the team rosters are found only through their stored records.
    /// </summary>
    public static bool MayWriteBehind(TurnContext turn) =>
        turn.Kind is not (TurnKind.BotInstalled or TurnKind.BotUninstalled)
        && turn.Conversation.Scope == ConversationScope.Personal && turn.Conversation.TenantId is not null;

    /// <summary>
    /// The record to write after <paramref name="turn"/>, or null when <paramref name="existing"/> stays as it is.
    /// <paramref name="findPersonal"/> is the store's <see cref="IConversationStore.FindPersonal"/>.
    /// </summary>
    public static ConversationRecord? Apply(ConversationRecord? existing, TurnContext turn, Func<string?, string?, ConversationRecord?> findPersonal)
    {
        var c = turn.Conversation;
        var id = IdOf(c);
        var record = existing is null ? new ConversationRecord { Id = id } : existing.Copy();
        var mayRoute = existing is null || turn.Authenticated;
        if (mayRoute)
        {
            record.ServiceUrl = c.ServiceUrl;
            record.TenantId = c.TenantId ?? record.TenantId;
            record.BotId = c.BotId ?? record.BotId;
            record.BotName = c.BotName ?? record.BotName;
            record.Scope = c.Scope.ToString();
            record.TeamId = c.TeamId ?? record.TeamId;
            record.ChannelId = c.ChannelId ?? record.ChannelId;
        }
        if (c.Scope == ConversationScope.Personal && record.Scope == nameof(ConversationScope.Personal))
        {
            if (mayRoute && (turn.Authenticated || findPersonal(c.UserAadObjectId, c.UserId) is not { } chat || chat.Id == id))
            {
                record.UserId = c.UserId ?? record.UserId;
                record.UserAadObjectId = c.UserAadObjectId ?? record.UserAadObjectId;
            }
            record.UserName = turn.User.Name ?? record.UserName;
            record.Locale = turn.Culture.Name;
        }
        var now = turn.ReceivedAt.UtcDateTime;
        if (existing is not null && SameReference(existing, record) && now - existing.UpdatedAt < RewriteAfter) return null;
        record.UpdatedAt = now;
        return record;
    }

    private static bool SameReference(ConversationRecord a, ConversationRecord b) =>
        a.ServiceUrl == b.ServiceUrl && a.TenantId == b.TenantId && a.BotId == b.BotId && a.BotName == b.BotName && a.Scope == b.Scope
        && a.TeamId == b.TeamId && a.ChannelId == b.ChannelId && a.UserId == b.UserId && a.UserAadObjectId == b.UserAadObjectId
        && a.UserName == b.UserName && a.Locale == b.Locale;
}
