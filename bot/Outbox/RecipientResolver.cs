using VocEdWeek.Bot.Conversation;
using VocEdWeek.Bot.Identity;

namespace VocEdWeek.Bot.Outbox;

/// <summary>
/// Finds the conversation a job goes to: the stored one, else the person's 1:1 chat (by Entra id or
/// Teams id, or by an e-mail seen before), else opens that chat (tenant + user id) and stores it.
/// </summary>
public sealed class RecipientResolver(IConversationStore conversations, IdentityResolver identity, IMessenger messenger, TeamRoster roster, TimeProvider time)
{
    public sealed record Resolution(ConversationRef? Conversation, OutboxOutcome Failure, string? Detail = null)
    {
        public static Resolution To(ConversationRef conversation) => new(conversation, OutboxOutcome.Delivered);
    }

    public async Task<Resolution> ResolveAsync(OutboxRecipient to, bool reopen, CancellationToken ct)
    {
        if (to.ConversationId is { } conversationId)
        {
            var record = conversations.Find(conversationId);
            return record is null || record.RemovedAt is not null
                ? new Resolution(null, OutboxOutcome.ConversationGone, conversationId)
                : Resolution.To(record.ToRef());
        }

        var aad = to.AadObjectId;
        var userId = to.UserId;
        if (aad is null && userId is null && to.Email is { } email && identity.FindByEmail(email) is { } known)
        {
            aad = known.AadObjectId;
            userId = known.Id;
        }
        if (!reopen && conversations.FindPersonal(aad, userId) is { } chat) return Resolution.To(chat.ToRef());
        if (userId is null && await roster.FindAsync(to.TenantId, aad, to.Email, ct) is { } member)
        {
            // Found in a team the bot is in: its Teams id opens the chat everywhere (the Entra id does on real Teams only).
            userId = member.Id;
            aad ??= member.AadObjectId;
            if (!reopen && conversations.FindPersonal(aad, userId) is { } rostered) return Resolution.To(rostered.ToRef());
        }
        if (aad is null && userId is null) return new Resolution(null, OutboxOutcome.NotReachable, to.Email);

        var origin = to.ServiceUrl is not null && to.TenantId is not null ? null : conversations.LatestOfTenant(to.TenantId);
        var serviceUrl = to.ServiceUrl ?? origin?.ServiceUrl;
        var tenantId = to.TenantId ?? origin?.TenantId;
        if (serviceUrl is null || tenantId is null) return new Resolution(null, OutboxOutcome.NotReachable, "no tenant known yet");

        // Our 29: id when known, else the Entra object id (Teams accepts it as the member id).
        var opened = await messenger.CreatePersonalConversationAsync(serviceUrl, tenantId, userId ?? aad!, ct);
        if (opened is null) return new Resolution(null, OutboxOutcome.NotInstalled, "createConversation refused");
        opened = opened with
        {
            UserAadObjectId = opened.UserAadObjectId ?? aad,
            UserId = opened.UserId is { } id && !Guid.TryParse(id, out _) ? id : userId,
        };
        conversations.SaveOpened(opened, to.Name, time.GetUtcNow());
        return Resolution.To(opened);
    }
}
