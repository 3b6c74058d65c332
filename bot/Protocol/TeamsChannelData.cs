using System.Text.Json;
using System.Text.Json.Serialization;

namespace VocEdWeek.Bot.Protocol;

/// <summary>Teams' <c>channelData</c>: tenant, team, channel, event type and install settings.</summary>
public sealed class TeamsChannelData
{
    public IdName? Tenant { get; set; }
    public TeamInfo? Team { get; set; }
    public IdName? Channel { get; set; }
    public string? EventType { get; set; }
    public ChannelSettings? Settings { get; set; }
    public NotificationInfo? Notification { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class IdName
{
    public string? Id { get; set; }
    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class TeamInfo
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadGroupId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ChannelSettings
{
    public IdName? SelectedChannel { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class NotificationInfo
{
    public bool? Alert { get; set; }
}
