using System.Text;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Bench.Compare;

/// <summary>
/// The daily report card's submit button as Teams sends it (invoke <c>adaptiveCard/action</c>, Action.Execute
/// <c>report.submit</c>, the card's inputs merged into its data) from liaison number u of <see cref="BenchWeek"/>:
/// the same JSON stream.lua's <c>submit</c> kind builds. A new card id per request, so each is a new version.
/// </summary>
public sealed class ReportSubmits(string serviceUrl, string botAppId, string tenantId)
{
    /// <summary>Marks the typical case, so the receipt is seen to name this very submission.</summary>
    public const string Marker = "基准";

    public byte[] Body(string id, string cardId, int u) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = id,
        ["timestamp"] = "2024-05-14T01:30:00.000Z",
        ["localTimestamp"] = "2024-05-14T09:30:00.000+08:00",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = BenchWeek.UserId(u), ["name"] = $"联络员{u:D4}", ["aadObjectId"] = BenchWeek.AadObjectId(u) },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = tenantId, ["id"] = BenchWeek.ConversationId(u) },
        ["recipient"] = new JsonObject { ["id"] = $"28:{botAppId}", ["name"] = "VocEdWeek" },
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "zh-CN", ["platform"] = "Web", ["timezone"] = "Asia/Shanghai" }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        ["locale"] = "zh-CN",
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = "report.submit",
                ["data"] = new JsonObject
                {
                    ["verb"] = "report.submit", ["weekId"] = BenchWeek.WeekId, ["itemKey"] = $"report:{BenchWeek.Day}", ["cardId"] = cardId,
                    ["newActivities"] = "智能制造实训中心开放日", ["participants"] = "120",
                    ["typicalCase"] = $"{Marker} 中小学生在师生指导下体验工业机器人编程。", ["story"] = "", ["featureReport"] = "", ["mediaLinks"] = "",
                },
            },
            ["trigger"] = "manual",
        },
    }.ToJsonString());

    /// <summary>The invoke response is the receipt: status 200, an adaptive card that says 已提交 ✓ and names this submission.</summary>
    public static bool IsReceipt(string responseBody)
    {
        try
        {
            var b = JsonNode.Parse(responseBody);
            var card = b?["value"]?.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "";
            return (int?)b?["statusCode"] == 200 && (string?)b?["type"] == "application/vnd.microsoft.card.adaptive"
                && card.Contains("已提交 ✓", StringComparison.Ordinal) && card.Contains(Marker, StringComparison.Ordinal);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
