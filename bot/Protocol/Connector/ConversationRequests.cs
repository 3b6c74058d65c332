using System.Text.Json;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Protocol.Connector;

/// <summary><c>POST /v3/conversations</c> bodies that Teams accepts (protocol.md §3.1).</summary>
public static class ConversationRequests
{
    /// <summary>1:1 chat: one member (Teams user id or Entra object id), tenant both ways.</summary>
    public static JsonObject Personal(string tenantId, string userId) => new()
    {
        ["isGroup"] = false,
        ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
        ["tenantId"] = tenantId,
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
    };

    /// <summary>New channel thread: the activity is mandatory and becomes the thread's first post.</summary>
    public static JsonObject ChannelThread(string channelId, string? tenantId, Activity activity)
    {
        var channelData = new JsonObject { ["channel"] = new JsonObject { ["id"] = channelId } };
        var body = new JsonObject
        {
            ["isGroup"] = true,
            ["activity"] = JsonSerializer.SerializeToNode(activity, WireJson.Options),
            ["channelData"] = channelData,
        };
        if (tenantId is not null)
        {
            body["tenantId"] = tenantId;
            channelData["tenant"] = new JsonObject { ["id"] = tenantId };
        }
        return body;
    }
}
