using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.EndToEnd;

/// <summary>
/// Every recorded or documented Teams payload goes through POST /api/messages of the real app and
/// gets the answer the protocol asks for. serviceUrl is pointed at a local recording connector.
/// </summary>
public sealed class TeamsFixtureTests : RecordingBotTest
{
    public static TheoryData<string> ActivityFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.TeamsFixtures, "*.json").Order())
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith("api_", StringComparison.Ordinal) || name.StartsWith("openid_", StringComparison.Ordinal)
                || name.StartsWith("token_", StringComparison.Ordinal) || name.StartsWith("outgoing_", StringComparison.Ordinal)) continue;
            data.Add(name);
        }
        return data;
    }

    [Fact]
    public void Fixture_folder_is_found_and_not_empty() =>
        Assert.True(Directory.GetFiles(RepoPaths.TeamsFixtures, "*.json").Length >= 20, $"expected the Teams fixtures in {RepoPaths.TeamsFixtures}");

    [Theory]
    [MemberData(nameof(ActivityFixtures))]
    public async Task Every_inbound_fixture_gets_the_right_answer(string name)
    {
        var activity = Envelope(name, JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.TeamsFixtures, name)))!.AsObject());
        activity["serviceUrl"] = Recorder.ServiceUrl;
        var response = await PostAsync(activity);

        var type = activity["type"]!.GetValue<string>();
        if (type == "invoke")
        {
            // Invokes are answered in the HTTP response: a handled one with 200 + body, an unknown one 501.
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotImplemented, $"{name}: {response.StatusCode}");
            if (activity["name"]?.GetValue<string>() == "adaptiveCard/action")
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                Assert.NotNull(body["statusCode"]);
                Assert.NotNull(body["type"]);
            }
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Same_activity_delivered_twice_is_handled_once()
    {
        var activity = Envelope("message_personal_chat.json", Load("message_personal_chat.json"));
        activity["serviceUrl"] = Recorder.ServiceUrl;
        activity["text"] = "help";
        var first = await PostAsync(activity);
        var second = await PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(Recorder.Posts);
    }

    [Fact]
    public async Task Bot_mention_is_stripped_before_matching_a_command()
    {
        var activity = Load("message_channel_bot_mention.json");
        activity["serviceUrl"] = Recorder.ServiceUrl;
        activity["text"] = "<at>ridotest</at> help";
        await PostAsync(activity);
        var reply = Assert.Single(Recorder.Posts);
        Assert.Contains("What I can do", reply!.ToJsonString(), StringComparison.Ordinal); // locale en-US in the fixture
    }

    [Fact]
    public async Task Chinese_locale_gets_Chinese_answers()
    {
        var activity = Load("message_personal_chat.json");
        activity["serviceUrl"] = Recorder.ServiceUrl;
        activity["locale"] = "zh-CN";
        activity["text"] = "帮助";
        await PostAsync(activity);
        Assert.Contains("我能做什么", Assert.Single(Recorder.Posts)!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"type\":\"\"}")]
    [InlineData("{\"type\":\"message\",\"conversation\":\"oops\"}")]
    public async Task Malformed_bodies_are_400_not_500(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await Client.PostAsync("/api/messages", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_activity_types_and_events_get_200()
    {
        var activity = Load("message_personal_chat.json");
        activity["serviceUrl"] = Recorder.ServiceUrl;
        activity["type"] = "somethingNew";
        activity["id"] = "new-1";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(activity)).StatusCode);
        Assert.Empty(Recorder.Posts);
    }

    [Fact]
    public async Task Unknown_invoke_gets_501()
    {
        var activity = Load("invoke_adaptiveCard_action_personal.json");
        activity["serviceUrl"] = Recorder.ServiceUrl;
        activity["name"] = "task/fetch";
        Assert.Equal(HttpStatusCode.NotImplemented, (await PostAsync(activity)).StatusCode);
    }

    private static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.TeamsFixtures, name)))!.AsObject();

    /// <summary>Fragments (an attachment list or an invoke value) are placed into a real personal-chat envelope.</summary>
    private static JsonObject Envelope(string name, JsonObject json)
    {
        if (json["type"] is not null && json["conversation"] is not null) return json;
        var envelope = Load("message_personal_chat.json");
        envelope["id"] = "fragment-" + name;
        if (json["type"]?.GetValue<string>() == "invoke" || name.Contains("invoke", StringComparison.Ordinal))
        {
            envelope["type"] = "invoke";
            envelope["name"] = json["name"]?.DeepClone() ?? "fileConsent/invoke";
            envelope["value"] = json["value"]?.DeepClone() ?? json.DeepClone();
            envelope.Remove("text");
        }
        else
        {
            envelope["text"] = "";
            envelope["attachments"] = json["attachments"]?.DeepClone() ?? (json["contentType"] is not null ? new JsonArray(json.DeepClone()) : new JsonArray());
        }
        return envelope;
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        return await Client.PostAsync("/api/messages", content);
    }
}
