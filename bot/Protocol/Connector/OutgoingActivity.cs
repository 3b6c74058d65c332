using System.Text.Json;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>Builds the wire activity for an <see cref="OutgoingMessage"/>.</summary>
public static class OutgoingActivity
{
    public static Activity Build(ConversationRef conversation, OutgoingMessage message, string? replyToId)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = message.Text,
            TextFormat = message.Text is null ? null : "markdown",
            Summary = message.Summary,
            ReplyToId = replyToId,
            Conversation = new ConversationAccount { Id = conversation.ConversationId },
            From = conversation.BotId is null ? null : new ChannelAccount { Id = conversation.BotId, Name = conversation.BotName },
        };
        if (message.Cards.Count > 0)
        {
            activity.Attachments = message.Cards
                .Select(card => new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = JsonSerializer.SerializeToElement(card) })
                .ToList();
        }
        if (message.Mentions.Count > 0)
        {
            activity.Entities = message.Mentions
                .Select(m => new Entity { Type = "mention", Text = m.Text, Mentioned = new ChannelAccount { Id = m.UserId, Name = m.Name } })
                .ToList();
        }
        if (message.Alert || conversation.TenantId is not null)
        {
            activity.ChannelData = new TeamsChannelData
            {
                Tenant = conversation.TenantId is null ? null : new IdName { Id = conversation.TenantId },
                Notification = message.Alert ? new NotificationInfo { Alert = true } : null,
            };
        }
        return activity;
    }
}
