using System.Text;

namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>JavaScript string conversions as the reference engine performs them.</summary>
internal static class JsString
{
    /// <summary>String(value): what `${a}` text, `+` and template literals produce.</summary>
    public static string From(object? value) => value switch
    {
        null => "null",
        JsUndefined => "undefined",
        bool b => b ? "true" : "false",
        double d => JsNumber.ToString(d),
        string s => s,
        List<object?> list => Join(list, ","),
        JsObject => "[object Object]",
        _ => value.ToString() ?? "",
    };

    /// <summary>Array.prototype.join: null and undefined items become empty strings.</summary>
    public static string Join(List<object?> list, string separator)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0) sb.Append(separator);
            if (list[i] is not (null or JsUndefined)) sb.Append(From(list[i]));
        }
        return sb.ToString();
    }

    /// <summary>adaptive-expressions' commonStringify: "" for null/undefined, JSON (outer quotes trimmed) for arrays and objects.</summary>
    public static string CommonStringify(object? value) => value switch
    {
        null or JsUndefined => "",
        List<object?> or JsObject => JsJson.Stringify(value).TrimStart('\'', '"').TrimEnd('\'', '"'),
        _ => From(value),
    };

    /// <summary>JavaScript truthiness (used for a literal, non-expression $when).</summary>
    public static bool IsTruthy(object? value) => value switch
    {
        null or JsUndefined => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => true,
    };

    /// <summary>adaptive-expressions' isLogicTrue: only false, null and undefined are false (0 and "" are true).</summary>
    public static bool IsLogicTrue(object? value) => value switch
    {
        bool b => b,
        null or JsUndefined => false,
        _ => true,
    };

    public static string Trim(string s) => TrimStart(TrimEnd(s));

    public static string TrimStart(string s)
    {
        var i = 0;
        while (i < s.Length && IsJsWhiteSpace(s[i])) i++;
        return s[i..];
    }

    private static string TrimEnd(string s)
    {
        var i = s.Length;
        while (i > 0 && IsJsWhiteSpace(s[i - 1])) i--;
        return s[..i];
    }

    /// <summary>ECMAScript WhiteSpace and LineTerminator (what String.prototype.trim removes).</summary>
    private static bool IsJsWhiteSpace(char c) =>
        c is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00a0' or '\u1680' or '\u2028' or '\u2029'
            or '\u202f' or '\u205f' or '\u3000' or '\ufeff' || c is >= '\u2000' and <= '\u200a';
}
