namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>adaptive-expressions' commonEquals (used by ==, !=, equals and contains).</summary>
internal static class JsEquality
{
    private static readonly double NumberEpsilon = Math.Pow(2, -52);

    public static bool CommonEquals(object? a, object? b)
    {
        if (a is null or JsUndefined || b is null or JsUndefined) return a is null or JsUndefined && b is null or JsUndefined;
        if (a is List<object?> la && b is List<object?> lb) return la.Count == lb.Count && la.Zip(lb).All(p => CommonEquals(p.First, p.Second));
        if (a is JsObject oa && b is JsObject ob) return DeepEquals(oa, ob);
        if (a is double da && b is double db && !double.IsNaN(da) && !double.IsNaN(db) && Math.Abs(da - db) < NumberEpsilon) return true;
        return StrictEquals(a, b);
    }

    /// <summary>JavaScript ===: primitives by value, arrays and objects by reference.</summary>
    private static bool StrictEquals(object? a, object? b) => (a, b) switch
    {
        (double x, double y) => x == y,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (bool x, bool y) => x == y,
        _ => ReferenceEquals(a, b),
    };

    /// <summary>lodash isEqual on plain data: same keys and deeply equal values; numbers compare with SameValueZero.</summary>
    private static bool DeepEquals(object? a, object? b) => (a, b) switch
    {
        (double x, double y) => x == y || (double.IsNaN(x) && double.IsNaN(y)),
        (List<object?> x, List<object?> y) => x.Count == y.Count && x.Zip(y).All(p => DeepEquals(p.First, p.Second)),
        (JsObject x, JsObject y) => x.Count == y.Count && x.All(p => y.TryGetValue(p.Key, out var v) && DeepEquals(p.Value, v)),
        (List<object?>, _) or (_, List<object?>) or (JsObject, _) or (_, JsObject) => false,
        _ => StrictEquals(a, b) || (a is JsUndefined && b is JsUndefined),
    };
}
