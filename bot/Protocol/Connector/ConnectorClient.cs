using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary>
/// Bot Connector REST client against each conversation's own serviceUrl.
/// (Basic version: no token, no retry yet — see ConnectorMessenger.)
/// </summary>
public sealed class ConnectorClient(HttpClient http) : IMessenger
{
    public async Task<SendResult> SendAsync(ConversationRef conversation, OutgoingMessage message, string? replyToId = null, CancellationToken ct = default)
    {
        var path = replyToId is { Length: > 0 }
            ? $"v3/conversations/{Esc(conversation.ConversationId)}/activities/{Esc(replyToId)}"
            : $"v3/conversations/{Esc(conversation.ConversationId)}/activities";
        var activity = OutgoingActivity.Build(conversation, message, replyToId);
        using var response = await http.PostAsJsonAsync(Url(conversation.ServiceUrl, path), activity, WireJson.Options, ct);
        return await ResultOf(response, ct);
    }

    public async Task<SendResult> UpdateAsync(ConversationRef conversation, string activityId, OutgoingMessage message, CancellationToken ct = default)
    {
        var activity = OutgoingActivity.Build(conversation, message, null);
        activity.Id = activityId;
        using var response = await http.PutAsJsonAsync(Url(conversation.ServiceUrl, $"v3/conversations/{Esc(conversation.ConversationId)}/activities/{Esc(activityId)}"), activity, WireJson.Options, ct);
        return await ResultOf(response, ct);
    }

    public async Task<ConversationRef?> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string userId, CancellationToken ct = default)
    {
        var body = new JsonObject
        {
            ["isGroup"] = false,
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
            ["tenantId"] = tenantId,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        };
        using var response = await http.PostAsJsonAsync(Url(serviceUrl, "v3/conversations"), body, WireJson.Options, ct);
        if (!response.IsSuccessStatusCode) return null;
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(WireJson.Options, ct);
        var id = json.TryGetProperty("id", out var i) ? i.GetString() : null;
        return id is null ? null : new ConversationRef(serviceUrl, id, tenantId, null, null, ConversationScope.Personal, userId);
    }

    public async Task<MemberInfo?> GetMemberAsync(ConversationRef conversation, string userId, CancellationToken ct = default)
    {
        using var response = await http.GetAsync(Url(conversation.ServiceUrl, $"v3/conversations/{Esc(conversation.ConversationId)}/members/{Esc(userId)}"), ct);
        if (!response.IsSuccessStatusCode) return null;
        var m = await response.Content.ReadFromJsonAsync<ChannelAccount>(WireJson.Options, ct);
        return m?.Id is null ? null : new MemberInfo(m.Id, m.AadObjectId ?? m.Extra?.GetValueOrDefault("objectId").ToString(), m.Name, m.Email, m.UserPrincipalName);
    }

    private static async Task<SendResult> ResultOf(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.IsSuccessStatusCode)
        {
            string? id = null;
            if (body.Length > 0)
            {
                try { id = JsonDocument.Parse(body).RootElement.TryGetProperty("id", out var i) ? i.GetString() : null; }
                catch (JsonException) { }
            }
            return new SendResult(DeliveryStatus.Delivered, id, (int)response.StatusCode);
        }
        return new SendResult(DeliveryStatus.Failed, null, (int)response.StatusCode, null, body);
    }

    private static Uri Url(string serviceUrl, string path) => new(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), path);

    private static string Esc(string id) => Uri.EscapeDataString(id);
}
