using System.Text.Json;

namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>Conversions: string, int, float, json, formatNumber (numbers formatted as en-US).</summary>
internal static class ConversionFunctions
{
    public static void Register(Dictionary<string, TemplateFunction> table)
    {
        table.Register(new TemplateFunction("string", ReturnType.String,
            StringFunctions.NoLocale(ArgumentRules.Order([ReturnType.String], ReturnType.Object)), String));
        table.Register(new TemplateFunction("int", ReturnType.Number, ArgumentRules.Any(1, 1), Int));
        table.Register(new TemplateFunction("float", ReturnType.Number, ArgumentRules.Any(1, 1), Float));
        table.Register(new TemplateFunction("json", ReturnType.Object, ArgumentRules.Order([], ReturnType.String), Json));
        table.Register(new TemplateFunction("formatNumber", ReturnType.String, NoFormatLocale, FormatNumber));
    }

    /// <summary>Numbers keep the digits they print with, grouped: string(1234.5) is "1,234.5".</summary>
    private static EvalResult String(Call call, ExpressionEvaluator evaluator, bool substitute)
    {
        var (args, error) = evaluator.EvalArgs(call, substitute);
        if (error is not null) return EvalResult.Fail(error);
        if (args[0] is string s) return EvalResult.Ok(s);
        if (args[0] is double d && JsNumber.IsNumber(d))
        {
            var text = JsNumber.ToString(d);
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            return EvalResult.Ok(JsNumber.FormatGrouped(d, dot < 0 ? 0 : text.Length - dot - 1));
        }
        return EvalResult.Ok(JsString.CommonStringify(args[0]));
    }

    /// <summary>parseInt: "12abc" is 12, 3.7 is 3; other types give undefined.</summary>
    private static EvalResult Int(Call call, ExpressionEvaluator evaluator, bool substitute) =>
        Parse(call, evaluator, substitute, JsNumber.ParseInt, d => JsNumber.ParseInt(JsNumber.ToString(d)));

    private static EvalResult Float(Call call, ExpressionEvaluator evaluator, bool substitute) =>
        Parse(call, evaluator, substitute, JsNumber.ParseFloat, d => d);

    private static EvalResult Parse(Call call, ExpressionEvaluator evaluator, bool substitute,
        Func<string, double> parse, Func<double, double> fromNumber)
    {
        var (args, error) = evaluator.EvalArgs(call, substitute);
        if (error is not null) return EvalResult.Fail(error);
        return args[0] switch
        {
            string s when JsNumber.IsNumber(parse(s)) => EvalResult.Ok(parse(s)),
            string s => EvalResult.Fail($"parameter {s} is not a valid number string."),
            double d when JsNumber.IsNumber(d) => EvalResult.Ok(fromNumber(d)),
            _ => EvalResult.Ok(JsUndefined.Value),
        };
    }

    private static EvalResult Json(Call call, ExpressionEvaluator evaluator, bool substitute)
    {
        var (args, error) = evaluator.EvalArgs(call, substitute);
        if (error is not null) return EvalResult.Fail(error);
        if (args[0] is not string s) return EvalResult.Fail($"{call.Args[0]} is not a string.");
        try
        {
            return EvalResult.Ok(JsJson.Parse(JsString.Trim(s)));
        }
        catch (JsonException e)
        {
            return EvalResult.Fail(e.Message);
        }
    }

    /// <summary>formatNumber(number, precision): rounded (halves up), grouped with ',', negatives with '−' (U+2212).</summary>
    private static EvalResult FormatNumber(Call call, ExpressionEvaluator evaluator, bool substitute)
    {
        var (args, error) = evaluator.EvalArgs(call, substitute);
        if (error is not null) return EvalResult.Fail(error);
        if (!JsNumber.IsNumber(args[0])) return EvalResult.Fail($"formatNumber first argument {JsString.From(args[0])} must be a number");
        if (!JsNumber.IsNumber(args[1])) return EvalResult.Fail($"formatNumber second argument {JsString.From(args[1])} must be a number");
        var (number, precision) = ((double)args[0]!, (double)args[1]!);
        if (!JsNumber.IsInteger(precision) || precision < 0 || precision >= 1e21)
            return EvalResult.Fail($"invalid format: ,.{JsString.From(precision)}f");
        var scale = Math.Pow(10, precision);
        return EvalResult.Ok(JsNumber.FormatGrouped(JsNumber.Round(number * scale) / scale, (int)Math.Min(precision, 20)));
    }

    private static void NoFormatLocale(Call call)
    {
        if (call.Args.Count > 2) throw new TemplateException($"{call}: the locale argument is not supported by this engine.");
        ArgumentRules.Order([], ReturnType.Number, ReturnType.Number)(call);
    }
}
