namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>
/// Evaluates expressions against a <see cref="TemplateScope"/> like adaptive-expressions does.
/// <c>substitute</c> is the reference engine's null substitution: when on, a path that resolves to
/// undefined evaluates to the text <c>${path}</c> (JSON null is a value and is kept). Comparison and
/// logic functions evaluate their arguments with it off.
/// </summary>
internal sealed class ExpressionEvaluator(TemplateScope scope)
{
    /// <summary>Evaluates an argument; an evaluator that returned nothing becomes an exception, as in JavaScript.</summary>
    public EvalResult Eval(Expr expr, bool substitute)
    {
        var result = Evaluate(expr, substitute);
        if (result.IsNoResult) throw new JsEvaluationException($"'{expr}' could not be evaluated.");
        return result;
    }

    /// <summary>Evaluates without converting <see cref="EvalResult.NoResult"/>.</summary>
    public EvalResult Evaluate(Expr expr, bool substitute) => expr switch
    {
        Constant c => EvalResult.Ok(c.Value),
        Accessor a => EvaluateAccessor(a, substitute),
        ElementAccess e => EvaluateElement(e, substitute),
        Call call => call.Function.Evaluate(call, this, substitute),
        _ => throw new InvalidOperationException($"Unknown expression node {expr.GetType().Name}."),
    };

    /// <summary>Evaluates all arguments in order, stopping at the first error (FunctionUtils.evaluateChildren).</summary>
    public (List<object?> Args, string? Error) EvalArgs(Call call, bool substitute, Func<object?, Expr, int, string?>? verify = null)
    {
        var args = new List<object?>();
        for (var i = 0; i < call.Args.Count; i++)
        {
            var (value, error, _) = Eval(call.Args[i], substitute);
            error ??= verify?.Invoke(value, call.Args[i], i);
            if (error is not null) return (args, error);
            args.Add(value);
        }
        return (args, null);
    }

    private EvalResult EvaluateAccessor(Accessor accessor, bool substitute)
    {
        if (accessor.Path is { } constant)
        {
            var found = scope.GetValue(constant.Memory);
            return EvalResult.Ok(found is not JsUndefined ? found : substitute ? constant.Substitute : JsUndefined.Value);
        }
        var (path, left, error) = AccumulatePath(accessor, substitute);
        if (error is not null) return EvalResult.Fail(error);

        object? value;
        if (left is null)
        {
            value = scope.GetValue(path);
        }
        else
        {
            var instance = Eval(left, substitute);
            if (instance.Error is not null) return EvalResult.Fail(instance.Error);
            value = MemoryPath.Get(instance.Value, path);
        }

        if (value is not JsUndefined) return EvalResult.Ok(value);
        return EvalResult.Ok(substitute ? "${" + path + "}" : JsUndefined.Value);
    }

    /// <summary>
    /// FunctionUtils.tryAccumulatePath: folds a chain of member and index accesses into one path string
    /// (index values are evaluated and written into it), leaving any other expression at the left.
    /// </summary>
    private (string Path, Expr? Left, string? Error) AccumulatePath(Expr expr, bool substitute)
    {
        var path = "";
        var left = expr;
        while (left is not null)
        {
            if (left is Accessor a)
            {
                path = a.Name + "." + path;
                left = a.Instance;
            }
            else if (left is ElementAccess e)
            {
                var (value, error, _) = Eval(e.Index, substitute);
                if (error is not null) return ("", null, error);
                var text = JsString.From(value);
                if (!double.IsNaN(JsNumber.ParseInt(text))) path = $"[{text}]." + path;
                else if (value is string s) path = $"['{s}']." + path;
                else return ("", null, $"{e.Index} doesn't return an int or string");
                left = e.Instance;
            }
            else
            {
                break;
            }
        }
        return (AccessorPath.Finish(path), left, null);
    }

    /// <summary>The Element evaluator, used when an index access is not part of a member path.</summary>
    private EvalResult EvaluateElement(ElementAccess element, bool substitute)
    {
        var instance = Eval(element.Instance, substitute);
        if (instance.Error is not null) return EvalResult.NoResult;
        var index = Eval(element.Index, substitute: false);
        if (index.Error is not null) return EvalResult.NoResult;

        var inst = instance.Value;
        switch (index.Value)
        {
            case double i when JsNumber.IsInteger(i):
                if (inst is null or JsUndefined) return EvalResult.Ok(JsUndefined.Value);
                if (inst is not List<object?> list) return EvalResult.Fail($"{JsString.From(inst)} is not a collection.");
                return i >= 0 && i < list.Count
                    ? EvalResult.Ok(list[(int)i])
                    : EvalResult.Fail($"{JsNumber.ToString(i)} is out of range for {JsString.From(inst)}");
            case string key:
                return EvalResult.Ok(MemoryPath.Property(inst, key));
            default:
                return EvalResult.Fail($"Could not coerce {element.Index} to an int or string.");
        }
    }
}
