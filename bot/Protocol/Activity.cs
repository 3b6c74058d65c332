using System.Text.Json;
using System.Text.Json.Serialization;

namespace VocEdWeek.Bot.Protocol;

/// <summary>
/// A Bot Framework activity as it travels on the wire. Only what the bot reads is typed;
/// every other field is kept in <see cref="Extra"/> so it round-trips untouched.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public string? Timestamp { get; set; }
    public string? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? Text { get; set; }
    public string? Summary { get; set; }
    public string? Locale { get; set; }
    public string? ReplyToId { get; set; }
    public string? Name { get; set; }
    public string? Action { get; set; }
    public string? AttachmentLayout { get; set; }
    public JsonElement? Value { get; set; }
    public TeamsChannelData? ChannelData { get; set; }
    public List<Entity>? Entities { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
