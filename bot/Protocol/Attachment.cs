using System.Text.Json;
using System.Text.Json.Serialization;

namespace VocEdWeek.Bot.Protocol;

public sealed class Attachment
{
    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }
    public JsonElement? Content { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
