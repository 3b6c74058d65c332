namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>A JavaScript object: string keys in insertion order.</summary>
internal sealed class JsObject : OrderedDictionary<string, object?>
{
    /// <summary>For a frozen object: each key ignoring case to the value of its first spelling; null while it may change.</summary>
    private Dictionary<string, object?>? _ignoringCase;

    public JsObject() : base(StringComparer.Ordinal) { }

    public JsObject(int capacity) : base(capacity, StringComparer.Ordinal) { }

    /// <summary>
    /// Marks <paramref name="obj"/> as never changed again and indexes it for <see cref="GetIgnoreCase"/>: a big object
    /// shared by many renders (the texts of a language, over a thousand keys) is otherwise searched key by key.
    /// </summary>
    public static JsObject Frozen(JsObject obj)
    {
        var index = new Dictionary<string, object?>(obj.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in obj) index.TryAdd(key, value);
        obj._ignoringCase = index;
        return obj;
    }

    /// <summary>
    /// adaptive-expressions' property lookup: the first key equal to <paramref name="name"/>
    /// ignoring case, or undefined.
    /// </summary>
    public object? GetIgnoreCase(string name)
    {
        if (_ignoringCase is { } index) return index.TryGetValue(name, out var found) ? found : JsUndefined.Value;
        foreach (var (key, value) in this)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        }
        return JsUndefined.Value;
    }
}
