using System.Globalization;
using System.Text;

namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>
/// Tokens of the adaptive-expressions grammar (ExpressionAntlrLexer.g4): numbers are digits with an
/// optional fraction, identifiers are ASCII letters/digits/_ after an optional #, @, @@, $ or %
/// prefix, strings use ' or " with \' \" \\ \n \r \t escapes.
/// </summary>
internal static class ExpressionLexer
{
    private static readonly string[] TwoCharOperators = ["==", "!=", "<>", "&&", "||", "<=", ">=", "=>", "??"];
    private const string OneCharOperators = "+-!^*/%&<>().[]{},:?";

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\ufeff' or '\u00a0' or '\n') { i++; continue; }
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { i += 2; continue; }
            var start = i;
            if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
                {
                    i++;
                    while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                }
                var number = double.Parse(text[start..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                tokens.Add(new Token(TokenKind.Number, text[start..i], start, number));
            }
            else if (IsIdentifierStart(text, i, out var prefix))
            {
                i += prefix;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new Token(TokenKind.Identifier, text[start..i], start));
            }
            else if (c is '\'' or '"')
            {
                i = ScanString(text, i);
                tokens.Add(new Token(TokenKind.String, text[start..i], start, Unescape(text[(start + 1)..(i - 1)], c)));
            }
            else if (i + 1 < text.Length && TwoCharOperators.Contains(text.Substring(i, 2)))
            {
                tokens.Add(new Token(TokenKind.Operator, text.Substring(i, 2), start));
                i += 2;
            }
            else if (OneCharOperators.Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new Token(TokenKind.Operator, c.ToString(), start));
                i++;
            }
            else
            {
                throw new ExpressionSyntaxException(c == '`'
                    ? "string interpolation (`...`) inside an expression is not supported"
                    : $"unexpected character '{c}' at {i}");
            }
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    /// <summary>Letter or _ (length 0 prefix), or #, @, @@, $, % prefixes; a lone % is the modulo operator.</summary>
    private static bool IsIdentifierStart(string text, int i, out int prefix)
    {
        var c = text[i];
        prefix = 0;
        if (char.IsAsciiLetter(c) || c == '_') return true;
        prefix = c == '@' && i + 1 < text.Length && text[i + 1] == '@' ? 2 : 1;
        if (c is '#' or '@' or '$') return true;
        return c == '%' && i + 1 < text.Length && (char.IsAsciiLetterOrDigit(text[i + 1]) || text[i + 1] == '_');
    }

    /// <summary>Returns the index after the closing quote; \quote and \\ do not end the string.</summary>
    public static int ScanString(string text, int start)
    {
        var quote = text[start];
        var i = start + 1;
        while (i < text.Length)
        {
            if (text[i] == '\\' && i + 1 < text.Length && (text[i + 1] == quote || text[i + 1] == '\\')) { i += 2; continue; }
            if (text[i] == quote) return i + 1;
            i++;
        }
        throw new ExpressionSyntaxException($"unterminated string starting at {start}");
    }

    /// <summary>The parser's string unescaping: \quote first, then \r \n \t \\ (other backslashes stay).</summary>
    private static string Unescape(string body, char quote)
    {
        body = body.Replace("\\" + quote, quote.ToString(), StringComparison.Ordinal);
        var sb = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\' || i + 1 >= body.Length || body[i + 1] is '\r' or '\n')
            {
                sb.Append(body[i]);
                continue;
            }
            var next = body[++i];
            sb.Append(next switch { 'r' => "\r", 'n' => "\n", 't' => "\t", '\\' => "\\", _ => "\\" + next });
        }
        return sb.ToString();
    }
}

/// <summary>A syntax error in an expression; the caller adds which template string it was in.</summary>
internal sealed class ExpressionSyntaxException(string message) : Exception(message);
