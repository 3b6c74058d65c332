using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Cards;

/// <summary>Loads card templates from the cards folder once and renders them with data.</summary>
public sealed class CardTemplates
{
    private readonly ConcurrentDictionary<string, JsonNode> _cache = new();
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

    public JsonObject Render(string name, JsonNode data)
    {
        if (!_cache.TryGetValue(name, out var template))
            throw new InvalidOperationException($"No card template '{name}' in {_directory}.");
        return (JsonObject)TemplateEngine.Expand(template, data)!;
    }
}
