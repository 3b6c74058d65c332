using System.Text.Json;

namespace VocEdWeek.Bot.Weeks;

/// <summary>
/// Reads and checks a week file. Any mistake stops start-up with the file, the line and the field at fault.
/// </summary>
public static class WeekLoader
{
    public static WeekDefinition Load(string file)
    {
        if (!File.Exists(file)) throw new ConfigurationException($"Week:DefinitionFile '{file}' does not exist.");
        var bytes = File.ReadAllBytes(file);
        return Parse(bytes, Path.GetFileName(file));
    }

    public static WeekDefinition Parse(byte[] utf8, string fileName)
    {
        WeekDefinition? week;
        try
        {
            week = JsonSerializer.Deserialize<WeekDefinition>(utf8, WeekJson.Options);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is null ? "" : $", field {JsonLineMap.Describe(ex.Path)}";
            throw new ConfigurationException($"Week file {fileName}, line {(ex.LineNumber ?? 0) + 1}{field}: {FirstSentence(ex.Message)}");
        }
        if (week is null) throw new ConfigurationException($"Week file {fileName} is empty.");
        var problem = WeekRules.FindProblem(week);
        if (problem is not null)
        {
            var line = new JsonLineMap(utf8).LineOf(problem.Value.Path);
            throw new ConfigurationException($"Week file {fileName}, line {line}, field {JsonLineMap.Describe(problem.Value.Path)}: {problem.Value.Message}");
        }
        return week;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }
}
