namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>
/// Comparison and logic: ==, !=, &lt;, &lt;=, &gt;, &gt;=, &amp;&amp;, ||, !, if, ??, exists, empty and aliases.
/// These evaluate their arguments without null substitution, so a missing value is undefined here;
/// an argument that fails to evaluate makes a comparison false instead of an error.
/// </summary>
internal static class LogicFunctions
{
    public static void Register(Dictionary<string, TemplateFunction> table)
    {
        var binary = ArgumentRules.Any(2, 2);
        var unary = ArgumentRules.Any(1, 1);
        var atLeastOne = ArgumentRules.Any(1, int.MaxValue);

        table.Register(Comparison("==", binary, a => JsEquality.CommonEquals(a[0], a[1])), "equals");
        table.Register(Comparison("!=", binary, a => !JsEquality.CommonEquals(a[0], a[1])));
        table.Register(Comparison("<", binary, a => Compare(a) < 0, VerifyNotNull), "less");
        table.Register(Comparison("<=", binary, a => Compare(a) <= 0, VerifyNotNull), "lessOrEquals");
        table.Register(Comparison(">", binary, a => Compare(a) > 0, VerifyNotNull), "greater");
        table.Register(Comparison(">=", binary, a => Compare(a) >= 0, VerifyNotNull), "greaterOrEquals");
        table.Register(new TemplateFunction("&&", ReturnType.Boolean, atLeastOne, And), "and");
        table.Register(new TemplateFunction("||", ReturnType.Boolean, atLeastOne, Or), "or");
        table.Register(new TemplateFunction("!", ReturnType.Boolean, unary, Not), "not");
        table.Register(new TemplateFunction("if", ReturnType.Object, ArgumentRules.Any(3, 3), If));
        table.Register(new TemplateFunction("coalesce", ReturnType.Object, atLeastOne, Coalesce), "??");
        table.Register(Comparison("exists", unary, a => true, VerifyNotNull));
        table.Register(Comparison("empty", unary, a => IsEmpty(a[0]), VerifyContainerOrNull));
    }

    private static TemplateFunction Comparison(string type, Action<Call> validate, Func<List<object?>, bool> test,
        Func<object?, Expr, int, string?>? verify = null) =>
        new(type, ReturnType.Boolean, validate, (call, evaluator, _) =>
        {
            var (args, error) = evaluator.EvalArgs(call, substitute: false, verify);
            if (error is not null) return EvalResult.Ok(false);
            try
            {
                return EvalResult.Ok(test(args));
            }
            catch (NotComparableException e)
            {
                return new EvalResult(false, e.Message);
            }
        });

    private static int Compare(List<object?> args) => (args[0], args[1]) switch
    {
        (double a, double b) when !double.IsNaN(a) && !double.IsNaN(b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        _ => throw new NotComparableException($"{JsString.From(args[0])} and {JsString.From(args[1])} must be comparable."),
    };

    private static EvalResult And(Call call, ExpressionEvaluator evaluator, bool substitute)
    {
        foreach (var arg in call.Args)
        {
            var (value, error, _) = evaluator.Eval(arg, substitute: false);
            if (error is not null || !JsString.IsLogicTrue(value)) return EvalResult.Ok(false);
        }
        return EvalResult.Ok(true);
    }

    /// <summary>True at the first true argument; otherwise the last argument's own value (e.g. null), like the reference.</summary>
    private static EvalResult Or(Call call, ExpressionEvaluator evaluator, bool substitute)
    {
        object? result = false;
        foreach (var arg in call.Args)
        {
            var (value, error, _) = evaluator.Eval(arg, substitute: false);
            result = value;
            if (error is null && JsString.IsLogicTrue(value)) return EvalResult.Ok(true);
        }
        return EvalResult.Ok(result);
    }

    private static EvalResult Not(Call call, ExpressionEvaluator evaluator, bool substitute)
    {
        var (value, error, _) = evaluator.Eval(call.Args[0], substitute: false);
        return EvalResult.Ok(error is not null || !JsString.IsLogicTrue(value));
    }

    private static EvalResult If(Call call, ExpressionEvaluator evaluator, bool substitute)
    {
        var (condition, error, _) = evaluator.Eval(call.Args[0], substitute: false);
        var branch = error is null && JsString.IsLogicTrue(condition) ? call.Args[1] : call.Args[2];
        return evaluator.Eval(branch, substitute);
    }

    private static EvalResult Coalesce(Call call, ExpressionEvaluator evaluator, bool substitute)
    {
        var (args, error) = evaluator.EvalArgs(call, substitute);
        if (error is not null) return EvalResult.Fail(error);
        return EvalResult.Ok(args.FirstOrDefault(a => a is not (null or JsUndefined)) ?? JsUndefined.Value);
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null or JsUndefined => true,
        string s => s.Length == 0,
        List<object?> list => list.Count == 0,
        JsObject obj => obj.Count == 0,
        _ => false,
    };

    private static string? VerifyNotNull(object? value, Expr expr, int position) =>
        value is null or JsUndefined ? $"{expr} is null." : null;

    private static string? VerifyContainerOrNull(object? value, Expr expr, int position) =>
        value is null or JsUndefined or string or List<object?> or JsObject ? null : $"{expr} must be a string, list, map or object.";

    private sealed class NotComparableException(string message) : Exception(message);
}
