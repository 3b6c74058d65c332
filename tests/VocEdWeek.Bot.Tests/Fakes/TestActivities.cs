using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>Wire activities for tests that only care about the HTTP answer (they need no reply from the bot).</summary>
public static class TestActivities
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    /// <summary>An <c>event</c> activity: the bot stores the conversation and answers 200 without calling the connector.</summary>
    public static JsonObject Event(string? serviceUrl = ServiceUrl, string? channelId = "msteams")
    {
        var activity = new JsonObject
        {
            ["type"] = "event",
            ["name"] = "vocedweek/test",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["conversation"] = new JsonObject { ["id"] = "a:test-conversation", ["conversationType"] = "personal", ["tenantId"] = "tenant" },
            ["from"] = new JsonObject { ["id"] = "29:test-user", ["aadObjectId"] = "00000000-0000-0000-0000-000000000001" },
            ["recipient"] = new JsonObject { ["id"] = "28:test-bot", ["name"] = "VocEdWeek" },
        };
        if (serviceUrl is not null) activity["serviceUrl"] = serviceUrl;
        if (channelId is not null) activity["channelId"] = channelId;
        return activity;
    }
}
