using System.Text;

namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>
/// Turns a template string into an expression the way adaptivecards-templating does (it parses the
/// string as an adaptive-expressions `...` interpolation):
/// <list type="bullet">
/// <item>no <c>${</c> at all: the string is kept as it is (null is returned);</item>
/// <item>exactly one <c>${expr}</c> and nothing else: that expression, so its value keeps its JSON type
/// (except a literal such as <c>${true}</c> or <c>${5}</c>, which gives a string);</item>
/// <item>otherwise a concat of the text pieces and expressions. <c>\$</c> and <c>\`</c> are escapes;
/// a <c>${</c> that does not close on the same line stays literal text.</item>
/// </list>
/// </summary>
internal static class TemplateStringParser
{
    public static Expr? Parse(string s)
    {
        if (!s.Contains("${", StringComparison.Ordinal)) return null;

        var parts = new List<Expr> { new Constant("") };
        var text = new StringBuilder();
        void FlushText()
        {
            if (text.Length == 0) return;
            parts.Add(new Constant(text.ToString()));
            text.Clear();
        }

        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '`')
                throw new ExpressionSyntaxException("a backtick (`) in a string that contains ${...} ends the expression early in adaptive-expressions; avoid it");
            if (c == '\\' && i + 1 < s.Length && s[i + 1] is '`' or '$')
            {
                FlushText();
                parts.Add(new Constant(s[i + 1].ToString()));
                i += 2;
            }
            else if (c == '$' && i + 1 < s.Length && s[i + 1] == '{' && TryScanTemplate(s, i, out var end))
            {
                FlushText();
                parts.Add(ParseInner(s[i..end]));
                i = end;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
        FlushText();

        if (parts.Count == 2 && parts[1] is not Constant) return parts[1];
        return new Call(TemplateFunctions.Lookup("concat"), parts);
    }

    /// <summary>
    /// The lexer's TEMPLATE token: '${' then one or more of (quoted string | any char but \r \n { } ' " `) then '}'.
    /// </summary>
    private static bool TryScanTemplate(string s, int start, out int end)
    {
        end = -1;
        var i = start + 2;
        var content = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '}')
            {
                if (content == 0) return false;
                end = i + 1;
                return true;
            }
            if (c is '\'' or '"')
            {
                try
                {
                    i = ExpressionLexer.ScanString(s, i);
                }
                catch (ExpressionSyntaxException)
                {
                    return false;
                }
                content++;
                continue;
            }
            if (c == '{') throw new ExpressionSyntaxException("object literals ({...}) inside ${...} are not supported");
            if (c is '\r' or '\n' or '`') return false;
            i++;
            content++;
        }
        return false;
    }

    /// <summary>trimExpression: strip "${" and "}", trim; then a leading '=' is dropped; empty text is "".</summary>
    private static Expr ParseInner(string template)
    {
        var text = JsString.Trim(template);
        if (text.StartsWith('$')) text = JsString.Trim(text[1..]);
        if (text.StartsWith('{') && text.EndsWith('}')) text = JsString.Trim(text[1..^1]);
        if (text.StartsWith('=')) text = text[1..];
        return text.Length == 0 ? new Constant("") : ExpressionParser.Parse(text);
    }
}
