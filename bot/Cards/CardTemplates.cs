using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using VocEdWeek.Bot.Cards.Templating;
using VocEdWeek.Bot.Localization;

namespace VocEdWeek.Bot.Cards;

/// <summary>
/// Loads card templates from the cards folder once and renders them with data. A template is parsed into its prepared
/// form on first use and kept (parse once, bind per render), and the texts of a language are turned into the template
/// engine's values once and shared by every render that passes them (<see cref="Render(string, JsonObject, Strings)"/>):
/// they are over a thousand strings, and copying them per card was most of a card's cost.
/// </summary>
public sealed class CardTemplates
{
    private readonly ConcurrentDictionary<string, JsonNode> _cache = new();
    private readonly ConcurrentDictionary<string, PreparedNode> _prepared = new();
    private readonly ConcurrentDictionary<Strings, JsObject> _texts = new();
    private readonly string _directory;

    public CardTemplates(string directory)
    {
        _directory = directory;
        if (!Directory.Exists(directory))
            throw new ConfigurationException($"Cards:Directory '{directory}' does not exist.");
        foreach (var file in Directory.EnumerateFiles(directory, "*.json"))
        {
            try
            {
                _cache[Path.GetFileNameWithoutExtension(file)] = JsonNode.Parse(File.ReadAllText(file))!;
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new ConfigurationException($"Card template '{file}' is not valid JSON: {ex.Message}");
            }
        }
    }

    public IReadOnlyCollection<string> Names => _cache.Keys.ToList();

    public JsonObject Render(string name, JsonNode data) =>
        (JsonObject)TemplateEngine.Expand(Prepared(name), JsJson.FromNode(data))!;

    /// <summary>Renders with <paramref name="texts"/> as <c>${t.…}</c> beside <paramref name="data"/> (which has no "t" of its own).</summary>
    public JsonObject Render(string name, JsonObject data, Strings texts)
    {
        if (data.ContainsKey("t")) throw new ArgumentException("The texts are passed apart, not as data[\"t\"].", nameof(data));
        var root = new JsObject(data.Count + 1) { ["t"] = Texts(texts) };
        foreach (var (key, value) in data) root[key] = JsJson.FromNode(value);
        return (JsonObject)TemplateEngine.Expand(Prepared(name), root)!;
    }

    /// <summary>Renders data already in the engine's values (<see cref="CardData"/>), with the texts as <c>${t.…}</c> beside it.</summary>
    public JsonObject Render(string name, CardData data, Strings texts)
    {
        if (data.Values.ContainsKey("t")) throw new ArgumentException("The texts are passed apart, not as data[\"t\"].", nameof(data));
        var root = new JsObject(data.Values.Count + 1) { ["t"] = Texts(texts) };
        foreach (var (key, value) in data.Values) root[key] = value;
        return (JsonObject)TemplateEngine.Expand(Prepared(name), root)!;
    }

    /// <summary>
    /// <paramref name="data"/> with the texts as its <c>t</c>: how the reference templating engine (the card samples'
    /// npm check) reads them. The bot passes them apart (<see cref="Render(string, JsonObject, Strings)"/>).
    /// </summary>
    public static JsonObject WithTexts(JsonObject data, Strings texts)
    {
        data["t"] = texts.AsJson();
        return data;
    }

    private JsObject Texts(Strings texts) => _texts.GetOrAdd(texts, t => JsObject.Frozen((JsObject)JsJson.FromNode(t.AsJson())!));

    // A template that fails to prepare is not kept: it fails again, with the same message, on every render.
    // Looked up before GetOrAdd: its factory captures this, and a delegate per render was garbage for nothing.
    private PreparedNode Prepared(string name) => _prepared.TryGetValue(name, out var prepared)
        ? prepared
        : _prepared.GetOrAdd(name, n => _cache.TryGetValue(n, out var template)
            ? PreparedNode.Prepare(template)
            : throw new InvalidOperationException($"No card template '{n}' in {_directory}."));
}
