using System.Text.Json;
using System.Text.Json.Serialization;

namespace VocEdWeek.Bot.Protocol;

/// <summary>An entity: <c>mention</c>, <c>clientInfo</c> or anything else (kept in <see cref="Extra"/>).</summary>
public sealed class Entity
{
    public string? Type { get; set; }
    public string? Text { get; set; }
    public ChannelAccount? Mentioned { get; set; }
    public string? Locale { get; set; }
    public string? Timezone { get; set; }
    public string? Platform { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
