using System.Text;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>
/// Template.internalExpand of adaptivecards-templating: walks the prepared template, evaluating
/// expressions, repeating objects over an array <c>$data</c> and dropping objects whose <c>$when</c> is not true.
/// </summary>
internal sealed class TemplateExpander(TemplateScope scope)
{
    private readonly ExpressionEvaluator _evaluator = new(scope);

    /// <summary>One builder for every interpolated string of a render (they are joined one at a time).</summary>
    private readonly StringBuilder _text = new();

    public object? Expand(PreparedNode node)
    {
        var (savedData, savedIndex) = (scope.DataOverride, scope.Index);
        try
        {
            return node switch
            {
                PreparedArray array => ExpandArray(array),
                PreparedExpression e => ExpandExpression(e),
                PreparedObject obj => ExpandObject(obj),
                PreparedLiteral literal => literal.Value,
                _ => throw new InvalidOperationException($"Unknown template node {node.GetType().Name}."),
            };
        }
        finally
        {
            (scope.DataOverride, scope.Index) = (savedData, savedIndex);
        }
    }

    private object? ExpandExpression(PreparedExpression e)
    {
        var (value, error, _) = Evaluate(e.Expr, substitute: true);
        return error is null ? value : throw new TemplateException($"Cannot evaluate \"{e.Source}\": {error}");
    }

    /// <summary>Items that expand to null are dropped; items that expand to arrays (repeated objects) are spliced in.</summary>
    private List<object?> ExpandArray(PreparedArray array)
    {
        var result = new List<object?>(array.Items.Count);
        foreach (var item in array.Items)
        {
            var expanded = Expand(item);
            if (expanded is null) continue;
            if (expanded is List<object?> list) result.AddRange(list);
            else result.Add(expanded);
        }
        return result;
    }

    /// <summary>One result per data context: none gives null, one gives the object, several give an array.</summary>
    private object? ExpandObject(PreparedObject obj)
    {
        var when = obj.When;
        // Most objects have no $data: one context, the current one, and no lists to gather results in.
        if (obj.Data is null) return IsDropped(when) ? null : ExpandProperties(obj);
        var contexts = DataContexts(obj.Data, out var isArray);
        var results = new List<object?>(contexts.Count);
        for (var i = 0; i < contexts.Count; i++)
        {
            if (isArray) scope.Index = (double)i;
            if (contexts[i] is not JsUndefined) scope.DataOverride = contexts[i];
            if (!IsDropped(when)) results.Add(ExpandProperties(obj));
        }
        return results.Count switch
        {
            0 => null,
            1 => results[0],
            _ => results,
        };
    }

    private List<object?> DataContexts(PreparedNode? data, out bool isArray)
    {
        object? value = JsUndefined.Value;
        if (data is PreparedExpression e)
        {
            var result = Evaluate(e.Expr, substitute: true);
            if (result.Error is not null) throw new TemplateException($"Cannot evaluate $data \"{e.Source}\": {result.Error}");
            value = result.Value;
        }
        else if (data is not null)
        {
            value = LiteralValue(data);
        }
        isArray = value is List<object?>;
        return value as List<object?> ?? [value];
    }

    /// <summary>An expression $when keeps the object only when it evaluates to true (errors count as false); a literal $when drops it when truthy.</summary>
    private bool IsDropped(PreparedNode? when) => when switch
    {
        null => false,
        PreparedExpression e => Evaluate(e.Expr, substitute: false) is not { Error: null, Value: true },
        PreparedLiteral literal => JsString.IsTruthy(literal.Value),
        _ => true,
    };

    /// <summary>
    /// The object as it goes out, a <see cref="JsonObject"/> (the engine's values converted as JSON.stringify would,
    /// property by property), so no object of the engine's own is made per card element only to be converted after.
    /// </summary>
    private JsonObject ExpandProperties(PreparedObject obj)
    {
        var result = new JsonObject();
        foreach (var (key, value) in obj.Content)
        {
            var expanded = Expand(value);
            if (expanded is not JsUndefined) result[key] = JsJson.ToNode(expanded);
        }
        return result;
    }

    /// <summary>
    /// internalTryEvaluateExpression: an interpolated string (a top-level concat) is joined here, and a
    /// part that fails is printed back as <c>${expression}</c>; a part that is null or undefined is an error.
    /// </summary>
    private EvalResult Evaluate(Expr expr, bool substitute)
    {
        if (substitute && expr is Call { Name: "concat" } concat)
        {
            var sb = _text.Clear();
            foreach (var part in concat.Args)
            {
                EvalResult result;
                try
                {
                    result = _evaluator.Evaluate(part, substitute: true);
                }
                catch (JsEvaluationException e)
                {
                    result = EvalResult.Fail(e.Message);
                }
                if (result.IsNoResult) throw new TemplateException($"'{part}' could not be evaluated.");
                var value = result.Error is not null ? "${" + part + "}" : result.Value;
                if (value is null or JsUndefined)
                    throw new TemplateException($"'{part}' is {JsString.From(value)}, which cannot be inserted into text.");
                sb.Append(JsString.From(value));
            }
            return EvalResult.Ok(sb.ToString());
        }

        var direct = _evaluator.Evaluate(expr, substitute);
        if (direct.IsNoResult) throw new TemplateException($"'{expr}' could not be evaluated.");
        return direct;
    }

    private static object? LiteralValue(PreparedNode node) => node switch
    {
        PreparedLiteral literal => literal.Value,
        PreparedArray array => array.Items.Select(LiteralValue).ToList(),
        PreparedObject obj => obj.Properties.Aggregate(new JsObject(), (o, p) => { o[p.Key] = LiteralValue(p.Value); return o; }),
        PreparedExpression e => throw new TemplateException($"\"{e.Source}\": expressions inside a literal $data are not supported."),
        _ => throw new InvalidOperationException($"Unknown template node {node.GetType().Name}."),
    };
}
