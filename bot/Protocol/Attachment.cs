using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace VocEdWeek.Bot.Protocol;

public sealed class Attachment
{
    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }
    /// <summary>
    /// A node, not a <see cref="JsonElement"/>: an outgoing card is written as the app built it (an element cost a second
    /// serialization of every card, its Chinese escaped and unescaped again); an incoming one is read as an object.
    /// </summary>
    public JsonNode? Content { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
