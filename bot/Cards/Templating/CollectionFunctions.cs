namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>Collection functions: count, contains, createArray (the [a, b] literal).</summary>
internal static class CollectionFunctions
{
    public static void Register(Dictionary<string, TemplateFunction> table)
    {
        table.Register(new TemplateFunction("count", ReturnType.Number, ArgumentRules.Order([], ReturnType.String | ReturnType.Array), Count));
        table.Register(new TemplateFunction("contains", ReturnType.Boolean, ArgumentRules.Any(2, 2), Contains));
        table.Register(new TemplateFunction("createArray", ReturnType.Array, ArgumentRules.None, CreateArray));
    }

    private static EvalResult Count(Call call, ExpressionEvaluator evaluator, bool substitute)
    {
        var (args, error) = evaluator.EvalArgs(call, substitute, (v, e, _) =>
            v is JsUndefined or bool or double ? $"{e} must be a string, list, map or object." : null);
        if (error is not null) return EvalResult.Fail(error);
        return args[0] switch
        {
            string s => EvalResult.Ok((double)s.Length),
            List<object?> list => EvalResult.Ok((double)list.Count),
            JsObject obj => EvalResult.Ok((double)obj.Count),
            _ => EvalResult.Fail("Cannot convert undefined or null to object"),
        };
    }

    /// <summary>Substring of a string, item of a list (by ==), or property name of an object (ignoring case).</summary>
    private static EvalResult Contains(Call call, ExpressionEvaluator evaluator, bool substitute)
    {
        var (args, error) = evaluator.EvalArgs(call, substitute);
        if (error is not null) return EvalResult.Ok(false);
        var found = (args[0], args[1]) switch
        {
            (string s, string part) => s.Contains(part, StringComparison.Ordinal),
            (List<object?> list, var item) => list.Any(x => JsEquality.CommonEquals(x, item)),
            (var instance, string name) => MemoryPath.Property(instance, name) is not JsUndefined,
            _ => false,
        };
        return EvalResult.Ok(found);
    }

    private static EvalResult CreateArray(Call call, ExpressionEvaluator evaluator, bool substitute)
    {
        var (args, error) = evaluator.EvalArgs(call, substitute);
        return error is not null ? EvalResult.Fail(error) : EvalResult.Ok(args);
    }
}
