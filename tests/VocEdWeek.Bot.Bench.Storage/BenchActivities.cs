using System.Text;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Bench.Storage;

/// <summary>
/// Teams-shaped activities from a pool of templates, each with the caller's unique id spliced in (the bot de-duplicates
/// activity ids, and a report's card id is its idempotency key: a repeated one would store nothing).
/// </summary>
public sealed class BenchActivities(IReadOnlyList<string> templates) : IActivityBodies
{
    private const string IdMarker = "@@id@@";

    public byte[] Body(string id, long sequence) => Encoding.UTF8.GetBytes(templates[(int)(sequence % templates.Count)].Replace(IdMarker, id, StringComparison.Ordinal));

    /// <summary>
    /// Each liaison submits (Action.Execute <c>report.submit</c>) today's daily report again: an edit, stored as a new
    /// version with the receipt card in the invoke response. Only departments that already reported today edit, so the
    /// "who hasn't reported" answer lists the same departments through the whole run.
    /// </summary>
    public static BenchActivities ReportSubmits(string serviceUrl, string tenantId, string botId, string weekId, string itemKey,
        IReadOnlyList<(string Department, string Name, string AadObjectId)> liaisons) => new([.. liaisons.Select(l =>
    {
        var activity = Activity(serviceUrl, tenantId, botId, $"29:{l.Department}", l.Name, l.AadObjectId, $"a:{l.Department}");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        var data = new JsonObject
        {
            ["verb"] = "report.submit", ["weekId"] = weekId, ["itemKey"] = itemKey, ["cardId"] = IdMarker,
            ["newActivities"] = "“工匠进校园”专题讲座；智能制造实训中心开放日",
            ["participants"] = "180",
            ["typicalCase"] = "学院开放智能制造实训中心，邀请周边中小学生和家长走进校园，在师生指导下体验工业机器人编程、数控加工和三维打印。",
            ["story"] = "2019届校友王磊扎根生产一线，从普通操作工成长为省级技术能手，回到母校与学弟学妹分享成长经历。",
            ["featureReport"] = "学院组织开展职业教育活动周系列活动，展示职业教育改革发展成果。",
            ["mediaLinks"] = "https://news.example.com/a/1",
        };
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "report.submit", ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity.ToJsonString();
    })]);

    /// <summary>
    /// The office's staff member asks "今天谁还没报送" in personal chat. Spread over 200 conversations (as the HTTP bench
    /// spreads its users): the connector client sends at most about 7 messages a second to one conversation, as Teams allows.
    /// </summary>
    public static BenchActivities OfficeQuestions(string serviceUrl, string tenantId, string botId, string name, string aadObjectId) =>
        new([.. Enumerable.Range(0, 200).Select(c =>
        {
            var activity = Activity(serviceUrl, tenantId, botId, "29:office-staff", name, aadObjectId, $"a:office-{c:D3}");
            activity["type"] = "message";
            activity["text"] = "今天谁还没报送";
            activity["textFormat"] = "plain";
            return activity.ToJsonString();
        })]);

    private static JsonObject Activity(string serviceUrl, string tenantId, string botId, string fromId, string name, string aadObjectId, string conversationId) => new()
    {
        ["id"] = IdMarker,
        ["timestamp"] = "2024-05-16T03:00:00.000Z",
        ["localTimestamp"] = "2024-05-16T11:00:00.000+08:00",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = fromId, ["name"] = name, ["aadObjectId"] = aadObjectId },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = tenantId, ["id"] = conversationId },
        ["recipient"] = new JsonObject { ["id"] = $"28:{botId}", ["name"] = "VocEdWeek" },
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "zh-CN", ["country"] = "CN", ["platform"] = "Web", ["timezone"] = "Asia/Shanghai" }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        ["locale"] = "zh-CN",
    };
}
