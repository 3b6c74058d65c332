namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>
/// JavaScript's <c>undefined</c>. The reference engine (npm adaptivecards-templating) tells
/// "missing" (undefined) apart from JSON <c>null</c>, so values here are <c>object?</c>:
/// <c>null</c>, <see cref="Value"/>, bool, double, string, <see cref="List{T}"/> (array) or
/// <see cref="JsObject"/> (object).
/// </summary>
internal sealed class JsUndefined
{
    public static readonly JsUndefined Value = new();

    private JsUndefined() { }

    public override string ToString() => "undefined";
}
