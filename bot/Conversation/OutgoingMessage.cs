using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Conversation;

/// <summary>What the app sends: text and/or Adaptive Cards, with optional mentions and a feed summary.</summary>
public sealed record OutgoingMessage
{
    public string? Text { get; init; }
    public IReadOnlyList<JsonObject> Cards { get; init; } = [];
    public IReadOnlyList<Mention> Mentions { get; init; } = [];
    /// <summary>File consent requests and delivered files (personal chats only).</summary>
    public IReadOnlyList<FileAttachment> Files { get; init; } = [];
    /// <summary>Shown in the activity feed / notification toast.</summary>
    public string? Summary { get; init; }
    /// <summary>Raise an activity-feed alert (Teams <c>notification.alert</c>).</summary>
    public bool Alert { get; init; }
    /// <summary>
    /// Drop instead of sending once this instant has passed (a reply whose turn is over is worthless): a send
    /// still waiting for Teams' rate limits or a retry at that moment gives up. Null: no deadline (proactive messages).
    /// </summary>
    public DateTimeOffset? NotAfter { get; init; }

    public static OutgoingMessage FromText(string text) => new() { Text = text };

    public static OutgoingMessage FromFile(FileAttachment file) => new() { Files = [file] };

    public static OutgoingMessage FromCard(JsonObject card, string? summary = null) =>
        new() { Cards = [card], Summary = summary };
}
