using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Conversation;

/// <summary>The answer to an invoke, returned in the HTTP response (never sent separately).</summary>
public sealed record InvokeResult(int Status, JsonNode? Body)
{
    public static InvokeResult Card(JsonObject card) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = "application/vnd.microsoft.card.adaptive",
        ["value"] = card,
    });

    public static InvokeResult Message(string text) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = "application/vnd.microsoft.activity.message",
        ["value"] = text,
    });

    public static InvokeResult Error(int statusCode, string code, string message) => new(200, new JsonObject
    {
        ["statusCode"] = statusCode,
        ["type"] = "application/vnd.microsoft.error",
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    });

    public static InvokeResult Ok() => new(200, null);

    public static InvokeResult NotImplemented() => new(501, null);
}
