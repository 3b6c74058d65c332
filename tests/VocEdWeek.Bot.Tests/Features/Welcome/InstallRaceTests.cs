using System.Net.Http.Json;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Features.Welcome;

/// <summary>
/// Teams sends installationUpdate and conversationUpdate for one install at the same moment (and again on reload). A
/// refresh of the stored conversation that read it before the install was marked used to write that old copy back, and
/// the second event then welcomed again; the welcome must go out exactly once per installation.
/// </summary>
public sealed class InstallRaceTests : RecordingBotTest
{
    private JsonObject Install(string type, string conversation, string name, int n) => new()
    {
        ["type"] = type,
        ["id"] = $"{type}-{conversation}-{n}",
        ["channelId"] = "msteams",
        ["serviceUrl"] = Recorder.ServiceUrl,
        ["locale"] = n % 2 == 0 ? "zh-CN" : "en-US",
        ["action"] = "add",
        ["from"] = new JsonObject { ["id"] = "29:" + conversation, ["name"] = name },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "bot" },
        ["conversation"] = new JsonObject { ["id"] = "a:" + conversation, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:bot" }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
    };

    [Fact]
    public async Task Install_events_arriving_together_welcome_once()
    {
        const int Installs = 40;
        for (var i = 0; i < Installs; i++)
        {
            var conversation = $"race-{i}";
            // Different names and languages make each event's refresh write the record, which is what raced.
            await Task.WhenAll(
                Client.PostAsJsonAsync("/api/messages", Install("installationUpdate", conversation, "张伟", 0)),
                Client.PostAsJsonAsync("/api/messages", Install("conversationUpdate", conversation, "Zhang Wei", 1)),
                Client.PostAsJsonAsync("/api/messages", Install("installationUpdate", conversation, "张 伟", 2)));
        }

        var welcomes = Recorder.Calls
            .Where(c => c.Method == "POST" && c.Body?["attachments"] is JsonArray { Count: > 0 })
            .GroupBy(c => c.Path)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Installs, welcomes.Count);
        Assert.All(welcomes, w => Assert.Equal(1, w.Value));
    }
}
