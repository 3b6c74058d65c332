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

    public object? GetValue(string path)
    {
        var actual = path.Length > 0 && path[0] != '$' ? "$data." + path : path;
        var memory = new JsObject
        {
            ["$root"] = Root,
            ["$data"] = Data,
            ["$index"] = Index,
            ["$host"] = JsUndefined.Value,
            ["$_acTemplateVersion"] = new JsObject
            {
                ["major"] = ReferenceVersion.Major,
                ["minor"] = ReferenceVersion.Minor,
                ["patch"] = ReferenceVersion.Patch,
                ["suffix"] = "",
            },
        };
        return MemoryPath.Get(memory, actual);
    }
}
