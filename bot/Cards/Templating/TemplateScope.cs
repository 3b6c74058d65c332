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
        return MemoryPath.Get(Memory(), actual);
    }

    private static readonly JsObject TemplateVersion = JsObject.Frozen(new JsObject
    {
        ["major"] = ReferenceVersion.Major,
        ["minor"] = ReferenceVersion.Minor,
        ["patch"] = ReferenceVersion.Patch,
        ["suffix"] = "",
    });

    private JsObject? _memory;

    /// <summary>What a path is read from; made again only when $data or $index changed since the last lookup.</summary>
    private JsObject Memory()
    {
        var (data, index) = (Data, Index);
        if (_memory is { } memory && ReferenceEquals(memory["$data"], data) && Equals(memory["$index"], index)) return memory;
        return _memory = new JsObject
        {
            ["$root"] = Root,
            ["$data"] = data,
            ["$index"] = index,
            ["$host"] = JsUndefined.Value,
            ["$_acTemplateVersion"] = TemplateVersion,
        };
    }
}
