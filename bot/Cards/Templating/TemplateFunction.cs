namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>Evaluates a call: its arguments are evaluated through the evaluator, with or without null substitution.</summary>
internal delegate EvalResult FunctionEvaluator(Call call, ExpressionEvaluator evaluator, bool substitute);

/// <summary>
/// A built-in function or operator: parse-time validation plus evaluation. <see cref="Type"/> is the
/// canonical name adaptive-expressions gives it (equals and == are both "==", &amp; is "concat",
/// ?? is "coalesce"); it is what an expression prints as and what the template engine checks for concat.
/// </summary>
internal sealed class TemplateFunction(string type, ReturnType returnType, Action<Call> validate, FunctionEvaluator evaluate)
{
    public string Type { get; } = type;

    public ReturnType ReturnType { get; } = returnType;

    public void Validate(Call call) => validate(call);

    public EvalResult Evaluate(Call call, ExpressionEvaluator evaluator, bool substitute) => evaluate(call, evaluator, substitute);
}

internal static class FunctionTableExtensions
{
    /// <summary>Registers the function under its type and under each alias.</summary>
    public static void Register(this Dictionary<string, TemplateFunction> table, TemplateFunction function, params string[] aliases)
    {
        table[function.Type] = function;
        foreach (var alias in aliases) table[alias] = function;
    }
}
