using System.Text.Json;
using System.Text.Json.Serialization;

namespace VocEdWeek.Bot.Protocol;

/// <summary>A user or bot on the wire (Teams adds email / UPN on member lookups).</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Email { get; set; }
    public string? UserPrincipalName { get; set; }
    public string? GivenName { get; set; }
    public string? Surname { get; set; }
    public string? TenantId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
