namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>Text functions: concat (and the &amp; operator), length, toUpper, toLower, join.</summary>
internal static class StringFunctions
{
    public static void Register(Dictionary<string, TemplateFunction> table)
    {
        table.Register(new TemplateFunction("concat", ReturnType.String | ReturnType.Array, ArgumentRules.Any(1, int.MaxValue), Concat), "&");
        table.Register(new TemplateFunction("length", ReturnType.Number, ArgumentRules.Any(1, 1, ReturnType.String), Length));
        table.Register(new TemplateFunction("toUpper", ReturnType.String, NoLocale(ArgumentRules.Any(1, 1, ReturnType.String)),
            Transform(JsCase.ToUpper)));
        table.Register(new TemplateFunction("toLower", ReturnType.String, NoLocale(ArgumentRules.Any(1, 1, ReturnType.String)),
            Transform(JsCase.ToLower)));
        table.Register(new TemplateFunction("join", ReturnType.String,
            ArgumentRules.Order([ReturnType.String], ReturnType.Array, ReturnType.String), Join));
    }

    /// <summary>The locale argument of the reference functions is not supported: fail when the template is parsed.</summary>
    public static Action<Call> NoLocale(Action<Call> rule) => call =>
    {
        if (call.Args.Count > 1) throw new TemplateException($"{call}: the locale argument is not supported by this engine.");
        rule(call);
    };

    /// <summary>
    /// The concat function (not the top-level interpolation, which the template engine joins itself):
    /// two arrays are concatenated, anything else is joined as text (arrays/objects as JSON).
    /// </summary>
    private static EvalResult Concat(Call call, ExpressionEvaluator evaluator, bool substitute)
    {
        var (args, error) = evaluator.EvalArgs(call, substitute);
        if (error is not null) return EvalResult.Fail(error);
        var soFar = args[0];
        for (var i = 1; i < args.Count; i++)
        {
            var (a, b) = (soFar, args[i]);
            soFar = (a, b) switch
            {
                (null or JsUndefined, null or JsUndefined) => JsUndefined.Value,
                (null or JsUndefined, List<object?>) => b,
                (List<object?>, null or JsUndefined) => a,
                (List<object?> la, List<object?> lb) => la.Concat(lb).ToList(),
                _ => JsString.CommonStringify(a) + JsString.CommonStringify(b),
            };
        }
        return EvalResult.Ok(soFar);
    }

    private static EvalResult Length(Call call, ExpressionEvaluator evaluator, bool substitute)
    {
        var (args, error) = evaluator.EvalArgs(call, substitute, VerifyStringOrUndefined);
        return error is not null ? EvalResult.Fail(error) : EvalResult.Ok((double)((args[0] as string)?.Length ?? 0));
    }

    private static FunctionEvaluator Transform(Func<string, string> transform) => (call, evaluator, substitute) =>
    {
        var (args, error) = evaluator.EvalArgs(call, substitute, VerifyStringOrUndefined);
        return error is not null ? EvalResult.Fail(error) : EvalResult.Ok(transform(args[0] as string ?? ""));
    };

    /// <summary>join(list, sep) or join(list, sep, lastSep): "a, b and c".</summary>
    private static EvalResult Join(Call call, ExpressionEvaluator evaluator, bool substitute)
    {
        var (args, error) = evaluator.EvalArgs(call, substitute);
        if (error is not null) return EvalResult.Fail(error);
        if (args[0] is not List<object?> list)
            return EvalResult.Fail($"{call.Args[0]} evaluates to {JsString.From(args[0])} which is not a list.");
        if (args.Count == 2) return EvalResult.Ok(JsString.Join(list, Separator(args[1])));
        if (list.Count < 3) return EvalResult.Ok(JsString.Join(list, Separator(args[2])));
        var head = JsString.Join(list[..^1], Separator(args[1]));
        return EvalResult.Ok(head + JsString.From(args[2]) + JsString.From(list[^1]));
    }

    /// <summary>Array.prototype.join's separator: "," when undefined, otherwise String(separator).</summary>
    private static string Separator(object? separator) => separator is JsUndefined ? "," : JsString.From(separator);

    private static string? VerifyStringOrUndefined(object? value, Expr expr, int position) =>
        value is string or JsUndefined ? null : $"{expr} is neither a string nor a null object.";
}
