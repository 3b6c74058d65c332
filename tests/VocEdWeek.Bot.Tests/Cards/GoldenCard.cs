using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>
/// Golden/cards.json: every sample card of the feature fixtures (template, data without its texts, the texts'
/// language) and every TemplateCases file, with the exact JSON text — or "error: " and the exact message — the renderer gave
/// when the file was written. It pins the renderer's output byte for byte, so a faster binding cannot change a card.
/// </summary>
internal sealed record GoldenCard(string Name, string? Template, JsonNode? TemplateJson, string? Lang, JsonNode? Data, string? Card)
{
    public static string File => Path.Combine(RepoPaths.Root, "tests", "VocEdWeek.Bot.Tests", "Cards", "Golden", "cards.json");

    public static IReadOnlyList<GoldenCard> All { get; } = Load();

    public static readonly string[] Languages = ["zh-CN", "en-US"];

    private static List<GoldenCard> Load()
    {
        if (!System.IO.File.Exists(File)) return [];
        return JsonNode.Parse(System.IO.File.ReadAllText(File))!.AsArray().Select(e => new GoldenCard(
            (string)e!["name"]!,
            (string?)e["template"],
            e["templateJson"]?.DeepClone(),
            (string?)e["lang"],
            e["data"]?.DeepClone(),
            (string?)e["card"])).ToList();
    }

    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["template"] = Template,
        ["templateJson"] = TemplateJson?.DeepClone(),
        ["lang"] = Lang,
        ["data"] = Data?.DeepClone(),
        ["card"] = Card,
    };

    /// <summary>The sample's data without "t", and the language whose texts it held (null: no texts).</summary>
    public static (JsonObject Data, string? Lang) SplitTexts(JsonObject data)
    {
        var copy = (JsonObject)data.DeepClone();
        if (copy["t"] is not JsonObject t) return (copy, null);
        copy.Remove("t");
        var lang = Languages.FirstOrDefault(l => JsonNode.DeepEquals(Strings.For(l).AsJson(), t))
            ?? throw new InvalidOperationException("A sample's texts are not those of a known language.");
        return (copy, lang);
    }

    public static void Write(IEnumerable<GoldenCard> cards)
    {
        var array = new JsonArray(cards.Select(c => (JsonNode)c.ToJson()).ToArray());
        System.IO.File.WriteAllText(File, array.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), new UTF8Encoding(false));
    }
}
