namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>
/// What expressions can see: <c>$root</c>, the current <c>$data</c> (defaults to $root), <c>$index</c>
/// inside a repeated element, <c>$host</c> (never set here) and <c>$_acTemplateVersion</c>.
/// A path that does not start with <c>$</c> is read from <c>$data</c>.
/// </summary>
internal sealed class TemplateScope(object? root)
{
    /// <summary>The adaptivecards-templating version whose behaviour this engine reproduces.</summary>
    private static readonly (double Major, double Minor, double Patch) ReferenceVersion = (2, 3, 1);

    public object? Root { get; } = root;

    /// <summary>The $data set by the nearest enclosing "$data", or undefined.</summary>
    public object? DataOverride { get; set; } = JsUndefined.Value;

    public object? Index { get; set; } = JsUndefined.Value;

    public object? Data => DataOverride is JsUndefined ? Root : DataOverride;

    public object? GetValue(string path) => GetValue(MemoryPath.Split(MemoryKey(path)));

    /// <summary>The path a template reads for <paramref name="path"/>: one not starting with <c>$</c> is under <c>$data</c>.</summary>
    public static string MemoryKey(string path) => path.Length > 0 && path[0] != '$' ? "$data." + path : path;

    /// <summary>
    /// A path from <see cref="MemoryKey"/>, read as from an object holding $root, $data, $index, $host and
    /// $_acTemplateVersion (names matched ignoring case, like every property) without making that object per lookup.
    /// </summary>
    public object? GetValue(SplitPath path)
    {
        if (path.Parts.Length == 0) return JsUndefined.Value;
        var first = Member(path.Parts[0]);
        return path.Parts.Length == 1 ? first : MemoryPath.Walk(first, path, 1);
    }

    private static readonly JsObject TemplateVersion = JsObject.Frozen(new JsObject
    {
        ["major"] = ReferenceVersion.Major,
        ["minor"] = ReferenceVersion.Minor,
        ["patch"] = ReferenceVersion.Patch,
        ["suffix"] = "",
    });

    private object? Member(string name)
    {
        if (Is(name, "$data")) return Data;
        if (Is(name, "$root")) return Root;
        if (Is(name, "$index")) return Index;
        if (Is(name, "$_acTemplateVersion")) return TemplateVersion;
        return JsUndefined.Value; // $host, and any other name
    }

    private static bool Is(string name, string key) => string.Equals(name, key, StringComparison.OrdinalIgnoreCase);
}
