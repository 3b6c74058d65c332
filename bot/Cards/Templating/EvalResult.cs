namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>
/// The outcome of evaluating an expression, as adaptive-expressions reports it: a value, or an error
/// message (errors are data there; some functions swallow them). <see cref="NoResult"/> stands for an
/// evaluator that returned nothing at all, which JavaScript turns into a TypeError where it is used.
/// </summary>
internal readonly record struct EvalResult(object? Value, string? Error, bool IsNoResult = false)
{
    public static readonly EvalResult NoResult = new(JsUndefined.Value, null, IsNoResult: true);

    public static EvalResult Ok(object? value) => new(value, null);

    public static EvalResult Fail(string error) => new(JsUndefined.Value, error);
}

/// <summary>An exception the reference engine would throw (not an error value) during evaluation.</summary>
internal sealed class JsEvaluationException(string message) : Exception(message);
