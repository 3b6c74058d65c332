using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Tests.Cards;

/// <summary>
/// One file in TemplateCases/: {"description", "template", "data", "expectError"?}. With expectError the
/// reference engine must throw (and so must ours); otherwise both outputs must be equal.
/// </summary>
internal sealed record TemplateCase(string Name, string Description, JsonNode? Template, JsonNode? Data, bool ExpectError)
{
    public static IReadOnlyList<TemplateCase> All { get; } = Load();

    public static TemplateCase Get(string name) => All.Single(c => c.Name == name);

    private static List<TemplateCase> Load() =>
        Directory.EnumerateFiles(RepoPaths.TemplateCases, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(file =>
            {
                var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
                return new TemplateCase(
                    Path.GetFileNameWithoutExtension(file),
                    json["description"]?.GetValue<string>() ?? "",
                    json["template"]?.DeepClone(),
                    json["data"]?.DeepClone(),
                    json["expectError"]?.GetValue<bool>() ?? false);
            })
            .ToList();
}
