using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Protocol.Hardening;

/// <summary>Recorded Teams payloads with their serviceUrl pointed at a local fake, ready to be spoiled.</summary>
public static class Wire
{
    public static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Load(string fixture, string serviceUrl)
    {
        var activity = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.TeamsFixtures, fixture)))!.AsObject();
        activity["serviceUrl"] = serviceUrl;
        activity["id"] = Guid.NewGuid().ToString("N");
        return activity;
    }

    /// <summary>A declined file-consent answer in a personal chat (nothing is uploaded for a decline).</summary>
    public static JsonObject FileConsent(string serviceUrl)
    {
        var activity = Load("message_personal_chat.json", serviceUrl);
        activity.Remove("text");
        activity["type"] = "invoke";
        activity["name"] = "fileConsent/invoke";
        activity["value"] = new JsonObject { ["type"] = "fileUpload", ["action"] = "decline", ["context"] = new JsonObject() };
        return activity;
    }

    /// <summary>The Wuxi sample's liaison 张伟 in a personal chat, writing <paramref name="text"/>.</summary>
    public static JsonObject LiaisonMessage(string serviceUrl, string text, string conversationId = "a:zhangwei-chat")
    {
        var activity = Load("message_personal_chat.json", serviceUrl);
        activity["from"] = new JsonObject { ["id"] = "29:zhangwei", ["name"] = "张伟", ["aadObjectId"] = "11a150a0-0000-4000-8000-000000000001" };
        activity["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" };
        activity["locale"] = "zh-CN";
        activity["text"] = text;
        return activity;
    }
}
