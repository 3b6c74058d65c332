using System.Text.RegularExpressions;

namespace VocEdWeek.Bot.Operations.Check.Checks;

/// <summary>Finds the setting a start-up sentence names ("SharePoint:SiteHostName must be …"), for the key column.</summary>
public static partial class SettingNames
{
    public static string? In(string sentence)
    {
        if (sentence.StartsWith("Week file", StringComparison.Ordinal)) return "Week:DefinitionFile";
        var match = Key().Match(sentence);
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex(@"\b(?:[A-Z][A-Za-z]+(?::[A-Z][A-Za-z]+)+|MicrosoftApp[A-Za-z]+|ToBotFrom[A-Za-z]+|ToChannelFrom[A-Za-z]+|AcceptEmulatorTokens|Cloud)\b")]
    private static partial Regex Key();
}
