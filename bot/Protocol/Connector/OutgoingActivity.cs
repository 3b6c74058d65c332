using System.Text.Json;
using System.Text.Json.Nodes;
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
        if (message.Cards.Count > 0 || message.Files.Count > 0)
        {
            activity.Attachments = message.Cards
                .Select(card => new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = card })
                .Concat(message.Files.Select(FileAttachmentOf))
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

    /// <summary>Teams' file cards (MS Teams docs, "Send and receive files using bot").</summary>
    private static Attachment FileAttachmentOf(FileAttachment file) => file switch
    {
        FileConsentRequest consent => new Attachment
        {
            ContentType = ContentTypes.FileConsentCard,
            Name = consent.Name,
            Content = new JsonObject
            {
                ["description"] = consent.Description,
                ["sizeInBytes"] = consent.SizeInBytes,
                ["acceptContext"] = JsonSerializer.SerializeToNode(consent.AcceptContext),
                ["declineContext"] = JsonSerializer.SerializeToNode(consent.DeclineContext),
            },
        },
        DeliveredFile delivered => new Attachment
        {
            ContentType = ContentTypes.FileInfoCard,
            Name = delivered.Name,
            ContentUrl = delivered.ContentUrl,
            Content = new JsonObject
            {
                ["uniqueId"] = delivered.UniqueId,
                ["fileType"] = delivered.FileType,
            },
        },
        _ => throw new ArgumentException($"Unknown file attachment {file.GetType().Name}.", nameof(file)),
    };
}
