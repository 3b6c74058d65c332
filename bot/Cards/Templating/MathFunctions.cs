namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>Arithmetic operators and their function aliases (add, sub, mul, div, mod, exp).</summary>
internal static class MathFunctions
{
    public static void Register(Dictionary<string, TemplateFunction> table)
    {
        table.Register(new TemplateFunction("+", ReturnType.String | ReturnType.Number,
            ArgumentRules.Any(2, int.MaxValue, ReturnType.String | ReturnType.Number), Add), "add");
        table.Register(Numeric("-", (a, b) => a - b), "sub");
        table.Register(Numeric("*", (a, b) => a * b), "mul");
        table.Register(Numeric("/", Divide, VerifyDivisor), "div");
        table.Register(Numeric("^", Math.Pow), "exp");
        table.Register(new TemplateFunction("%", ReturnType.Number, ArgumentRules.Any(2, 2, ReturnType.Number), Mod), "mod");
    }

    /// <summary>'+' adds two numbers; otherwise it joins the operands as text (null/undefined as empty).</summary>
    private static EvalResult Add(Call call, ExpressionEvaluator evaluator, bool substitute)
    {
        var (args, error) = evaluator.EvalArgs(call, substitute, VerifyNumberOrStringOrUndefined);
        if (error is not null) return EvalResult.Fail(error);
        var soFar = args[0];
        for (var i = 1; i < args.Count; i++)
        {
            var (a, b) = (soFar, args[i]);
            if ((IsNullish(a) && JsNumber.IsNumber(b)) || (IsNullish(b) && JsNumber.IsNumber(a)))
                return EvalResult.Fail("Operator '+' or add cannot be applied to operands of type 'number' and null object.");
            if (JsNumber.IsNumber(a) && JsNumber.IsNumber(b)) soFar = (double)a! + (double)b!;
            else soFar = (IsNullish(a) ? "" : JsString.From(a)) + (IsNullish(b) ? "" : JsString.From(b));
        }
        return EvalResult.Ok(soFar);
    }

    private static EvalResult Mod(Call call, ExpressionEvaluator evaluator, bool substitute)
    {
        var (args, error) = evaluator.EvalArgs(call, substitute,
            (v, e, _) => JsNumber.IsInteger(v) ? null : $"{e} is not a integer.");
        if (error is not null) return EvalResult.Fail(error);
        var (a, b) = ((double)args[0]!, (double)args[1]!);
        return b == 0 ? EvalResult.Fail("Cannot mod by 0.") : EvalResult.Ok(a % b);
    }

    /// <summary>Integer operands give a floored result: 7 / 2 is 3, -7 / 2 is -4.</summary>
    private static double Divide(double a, double b)
    {
        var result = a / b;
        return JsNumber.IsInteger(a) && JsNumber.IsInteger(b) ? Math.Floor(result) : result;
    }

    private static TemplateFunction Numeric(string type, Func<double, double, double> op, Func<object?, Expr, int, string?>? verify = null) =>
        new(type, ReturnType.Number, ArgumentRules.Any(2, int.MaxValue, ReturnType.Number), (call, evaluator, substitute) =>
        {
            var (args, error) = evaluator.EvalArgs(call, substitute, verify ?? VerifyNumber);
            if (error is not null) return EvalResult.Fail(error);
            var soFar = (double)args[0]!;
            for (var i = 1; i < args.Count; i++) soFar = op(soFar, (double)args[i]!);
            return EvalResult.Ok(soFar);
        });

    public static string? VerifyNumber(object? value, Expr expr, int position) =>
        JsNumber.IsNumber(value) ? null : $"{expr} is not a number.";

    private static string? VerifyDivisor(object? value, Expr expr, int position) =>
        VerifyNumber(value, expr, position) ?? (position > 0 && (double)value! == 0 ? $"Cannot divide by 0 from {expr}" : null);

    private static string? VerifyNumberOrStringOrUndefined(object? value, Expr expr, int position) =>
        value is string or JsUndefined || JsNumber.IsNumber(value) ? null : $"{expr} is neither a number nor string";

    private static bool IsNullish(object? value) => value is null or JsUndefined;
}
