using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Localization;

/// <summary>
/// UI text in zh-CN (default) and en-US, from embedded JSON files. Cards get the whole table as
/// template data (<c>${t.key}</c>) so templates stay editable in the Adaptive Cards Designer.
/// </summary>
public sealed class Strings
{
    private static readonly Lazy<Strings> ChineseTable = new(() => Load("zh-CN"));
    private static readonly Lazy<Strings> EnglishTable = new(() => Load("en-US"));
    private readonly JsonObject _table;
    // The texts as strings, made once: a parsed JsonValue makes a new string on every read, and every turn reads dozens.
    private readonly FrozenDictionary<string, string> _texts;

    private Strings(JsonObject table, CultureInfo culture)
    {
        _table = table;
        _texts = table.Where(p => p.Value is JsonValue v && v.TryGetValue<string>(out _))
            .ToFrozenDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
        Culture = culture;
    }

    public CultureInfo Culture { get; }

    public static Strings For(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? EnglishTable.Value : ChineseTable.Value;

    public static Strings For(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? EnglishTable.Value : ChineseTable.Value;

    public string this[string key] =>
        _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No text '{key}' for {Culture.Name}.");

    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    /// <summary>A copy of the table for template data.</summary>
    public JsonObject AsJson() => (JsonObject)_table.DeepClone();

    public IEnumerable<string> Keys => _table.Select(p => p.Key);

    /// <summary>Merges every embedded <c>*.{culture}.json</c> (one file per feature keeps edits apart).</summary>
    private static Strings Load(string culture)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var suffix = $".{culture}.json";
        var table = new JsonObject();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("VocEdWeek.Bot.Localization.", StringComparison.Ordinal) && n.EndsWith(suffix, StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var (key, value) in (JsonObject)JsonNode.Parse(stream)!)
            {
                if (table.ContainsKey(key)) throw new InvalidOperationException($"Text '{key}' is defined twice ({name}).");
                table[key] = value?.DeepClone();
            }
        }
        if (table.Count == 0) throw new InvalidOperationException($"No embedded texts for {culture}.");
        return new Strings(table, CultureInfo.GetCultureInfo(culture));
    }
}
