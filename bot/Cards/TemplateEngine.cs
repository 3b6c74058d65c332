using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Cards;

/// <summary>
/// Expands an Adaptive Cards template (the official templating language: ${…}, $data, $when) with data.
/// PLACEHOLDER: only whole-string ${path} binding so far.
/// </summary>
public static class TemplateEngine
{
    public static JsonNode? Expand(JsonNode? template, JsonNode? data)
    {
        switch (template)
        {
            case JsonObject obj:
                var o = new JsonObject();
                foreach (var (k, v) in obj) o[k] = Expand(v, data);
                return o;
            case JsonArray arr:
                var a = new JsonArray();
                foreach (var v in arr) a.Add(Expand(v, data));
                return a;
            case JsonValue val when val.TryGetValue<string>(out var s) && s.StartsWith("${", StringComparison.Ordinal) && s.EndsWith('}'):
                return Lookup(data, s[2..^1])?.DeepClone();
            default:
                return template?.DeepClone();
        }
    }

    private static JsonNode? Lookup(JsonNode? data, string path)
    {
        var node = data;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
        }
        return node;
    }
}
