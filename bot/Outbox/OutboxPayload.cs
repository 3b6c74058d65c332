using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Conversation;

namespace VocEdWeek.Bot.Outbox;

/// <summary>An <see cref="OutgoingMessage"/> as stored in a job, and back.</summary>
public static class OutboxPayload
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(OutgoingMessage message)
    {
        var json = new JsonObject
        {
            ["text"] = message.Text,
            ["summary"] = message.Summary,
            ["alert"] = message.Alert,
            ["cards"] = new JsonArray(message.Cards.Select(c => (JsonNode)c.DeepClone()).ToArray()),
            ["mentions"] = new JsonArray(message.Mentions.Select(m => (JsonNode)new JsonObject { ["userId"] = m.UserId, ["name"] = m.Name }).ToArray()),
        };
        return json.ToJsonString(Options);
    }

    public static OutgoingMessage Deserialize(string payload)
    {
        var json = JsonNode.Parse(payload)!.AsObject();
        return new OutgoingMessage
        {
            Text = (string?)json["text"],
            Summary = (string?)json["summary"],
            Alert = (bool?)json["alert"] ?? false,
            Cards = json["cards"]?.AsArray().Select(c => c!.AsObject().DeepClone().AsObject()).ToList() ?? [],
            Mentions = json["mentions"]?.AsArray().Select(m => new Mention((string)m!["userId"]!, (string)m["name"]!)).ToList() ?? [],
        };
    }
}
