namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>
/// The functions and operators this engine supports, named as in adaptive-expressions (case-sensitive).
/// Any other name fails when the template is parsed, even where the reference engine would quietly
/// print the expression back (inside a longer string): a template bug must show up in tests.
/// </summary>
internal static class TemplateFunctions
{
    private static readonly Dictionary<string, TemplateFunction> Table = Build();

    public static IEnumerable<string> Names => Table.Keys.Where(k => char.IsAsciiLetter(k[0])).Order(StringComparer.Ordinal);

    public static TemplateFunction Lookup(string name) =>
        Table.TryGetValue(name, out var function)
            ? function
            : throw new TemplateException(
                $"Unknown or unsupported function '{name}'. Supported: {string.Join(", ", Names)} and the operators.");

    private static Dictionary<string, TemplateFunction> Build()
    {
        var table = new Dictionary<string, TemplateFunction>(StringComparer.Ordinal);
        MathFunctions.Register(table);
        LogicFunctions.Register(table);
        StringFunctions.Register(table);
        CollectionFunctions.Register(table);
        ConversionFunctions.Register(table);
        return table;
    }
}
