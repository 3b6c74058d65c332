namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>A JavaScript object: string keys in insertion order.</summary>
internal sealed class JsObject : OrderedDictionary<string, object?>
{
    public JsObject() : base(StringComparer.Ordinal) { }

    /// <summary>
    /// adaptive-expressions' property lookup: the first key equal to <paramref name="name"/>
    /// ignoring case, or undefined.
    /// </summary>
    public object? GetIgnoreCase(string name)
    {
        foreach (var (key, value) in this)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        }
        return JsUndefined.Value;
    }
}
