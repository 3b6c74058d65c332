using System.Text.Json.Nodes;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Tests.Fakes;

public static class InvokeResultExtensions
{
    /// <summary>The card of an adaptive-card invoke response (fails when the answer is something else).</summary>
    public static JsonObject Card(this InvokeResult result)
    {
        Assert.Equal(200, result.Status);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)result.Body?["type"]);
        return result.Body!["value"]!.AsObject();
    }

    /// <summary>The text of a message invoke response.</summary>
    public static string Message(this InvokeResult result)
    {
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)result.Body?["type"]);
        return (string)result.Body!["value"]!;
    }
}
