using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Tests.Fakes;

/// <summary>Reads rendered Adaptive Cards the way a client would: inputs, texts, actions; and simulates a click.</summary>
public static class CardJson
{
    public static IEnumerable<JsonObject> Elements(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, v) in obj)
                {
                    foreach (var e in Elements(v)) yield return e;
                }
                break;
            case JsonArray arr:
                foreach (var v in arr)
                {
                    foreach (var e in Elements(v)) yield return e;
                }
                break;
        }
    }

    public static IEnumerable<JsonObject> Inputs(JsonObject card) =>
        Elements(card["body"]).Where(e => ((string?)e["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

    public static JsonObject Input(JsonObject card, string id) =>
        Inputs(card).SingleOrDefault(i => (string?)i["id"] == id) ?? throw new Xunit.Sdk.XunitException($"No input '{id}' in card: {Show(card)}");

    /// <summary>The value an input shows, as text (what Teams would send back for it).</summary>
    public static string Value(JsonObject card, string id) => Text(Input(card, id)["value"]);

    public static bool HasInput(JsonObject card, string id) => Inputs(card).Any(i => (string?)i["id"] == id);

    /// <summary>All visible text of the card (TextBlocks, facts, labels, action titles), for assertions.</summary>
    public static string AllText(JsonObject card) => string.Join("\n", Elements(card).SelectMany(e =>
        new[] { e["text"], e["title"], e["value"], e["label"] }.Select(Text).Where(s => s.Length > 0)));

    /// <summary>The TextBlock that directly follows an input (where the server puts its error message), or null.</summary>
    public static string? ErrorUnder(JsonObject card, string id)
    {
        foreach (var list in Elements(card).SelectMany(e => e.Select(p => p.Value)).OfType<JsonArray>())
        {
            var items = list.ToList();
            var index = items.FindIndex(n => n is JsonObject o && (string?)o["id"] == id);
            if (index < 0) continue;
            return index + 1 < items.Count && items[index + 1] is JsonObject next && (string?)next["type"] == "TextBlock" && (string?)next["color"] == "Attention"
                ? (string?)next["text"]
                : null;
        }
        throw new Xunit.Sdk.XunitException($"No input '{id}'.");
    }

    public static IEnumerable<JsonObject> Actions(JsonObject card) =>
        Elements(card).Where(e => (string?)e["type"] is "Action.Execute" or "Action.Submit");

    /// <summary>What Teams sends when the action with this verb is clicked: its data merged with every input's value, edited by <paramref name="typed"/>.</summary>
    public static JsonObject Click(JsonObject card, string verb, IDictionary<string, string>? typed = null, int index = 0)
    {
        var action = Actions(card).Where(a => (string?)a["verb"] == verb).ElementAtOrDefault(index)
            ?? throw new Xunit.Sdk.XunitException($"No action '{verb}' in card: {Show(card)}");
        var data = (JsonObject)action["data"]!.DeepClone();
        foreach (var input in Inputs(card)) data[(string)input["id"]!] = Text(input["value"]);
        foreach (var (k, v) in typed ?? new Dictionary<string, string>()) data[k] = v;
        return data;
    }

    public static string Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => "",
    };

    public static string Show(JsonNode? node) =>
        node?.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
}
