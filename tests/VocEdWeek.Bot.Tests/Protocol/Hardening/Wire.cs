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

    /// <summary>张伟 submits the 5月14日 report (Action.Execute), with a fresh activity and card id each time.</summary>
    public static JsonObject ReportSubmit(string serviceUrl, string typicalCase = "机电学院开放实训中心。")
    {
        var activity = LiaisonMessage(serviceUrl, "");
        activity.Remove("text");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = "report.submit",
                ["data"] = new JsonObject
                {
                    ["verb"] = "report.submit", ["weekId"] = "2024-wuxi", ["itemKey"] = "report:2024-05-14", ["cardId"] = Guid.NewGuid().ToString("N"),
                    ["newActivities"] = "“工匠进校园”专题讲座", ["participants"] = "180", ["typicalCase"] = typicalCase,
                    ["story"] = "", ["featureReport"] = "", ["mediaLinks"] = "",
                },
            },
            ["trigger"] = "manual",
        };
        return activity;
    }
}
