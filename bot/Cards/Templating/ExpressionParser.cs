namespace VocEdWeek.Bot.Cards.Templating;

/// <summary>
/// Parses one expression (the text inside <c>${...}</c>) with adaptive-expressions' precedence, tightest
/// first: unary ! - +, ^ (right-assoc), * / %, + -, == !=, &amp;, &lt; &lt;= &gt; &gt;=, &amp;&amp;, ||, ??, ?: .
/// Note that comparisons bind looser than equality there: <c>1 &lt; 2 == true</c> is <c>1 &lt; (2 == true)</c>.
/// Every call is validated (argument count and static types) as it is built.
/// </summary>
internal sealed class ExpressionParser
{
    private static readonly Dictionary<string, int> BinaryPrecedence = new(StringComparer.Ordinal)
    {
        ["^"] = 10, ["*"] = 9, ["/"] = 9, ["%"] = 9, ["+"] = 8, ["-"] = 8, ["=="] = 7, ["!="] = 7, ["<>"] = 7,
        ["&"] = 6, ["<"] = 5, ["<="] = 5, [">"] = 5, [">="] = 5, ["&&"] = 4, ["||"] = 3, ["??"] = 2, ["?"] = 1,
    };

    private readonly List<Token> _tokens;
    private int _pos;

    private ExpressionParser(string text) => _tokens = ExpressionLexer.Tokenize(text);

    public static Expr Parse(string text)
    {
        var parser = new ExpressionParser(text);
        var expr = parser.ParseExpression(0);
        if (parser.Current.Kind != TokenKind.End) throw parser.Unexpected();
        return expr;
    }

    private Token Current => _tokens[_pos];

    private Expr ParseExpression(int minPrecedence)
    {
        var left = ParseUnary();
        while (Current.Kind == TokenKind.Operator && BinaryPrecedence.TryGetValue(Current.Text, out var precedence) && precedence >= minPrecedence)
        {
            var op = Current.Text;
            _pos++;
            if (op == "?")
            {
                var whenTrue = ParseExpression(0);
                Expect(":");
                left = MakeCall("if", [left, whenTrue, ParseExpression(precedence + 1)]);
                continue;
            }
            var right = ParseExpression(op == "^" ? precedence : precedence + 1);
            left = MakeCall(op, [left, right]);
        }
        return left;
    }

    /// <summary>-x is 0 - x and +x is 0 + x (so +'a' is "0a"), as in the reference grammar.</summary>
    private Expr ParseUnary()
    {
        if (Current.Is("!") || Current.Is("-") || Current.Is("+"))
        {
            var op = Current.Text;
            _pos++;
            var operand = ParseUnary();
            return op == "!" ? MakeCall("!", [operand]) : MakeCall(op, [new Constant(0d), operand]);
        }
        return ParsePostfix(ParsePrimary());
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        _pos++;
        switch (token.Kind)
        {
            case TokenKind.Number:
            case TokenKind.String:
                return new Constant(token.Value);
            case TokenKind.Identifier:
                return token.Text switch
                {
                    "true" => new Constant(true),
                    "false" => new Constant(false),
                    "null" => new Constant(null),
                    "undefined" => new Constant(JsUndefined.Value),
                    _ => new Accessor(token.Text, null),
                };
        }
        if (token.Is("("))
        {
            var inner = ParseExpression(0);
            Expect(")");
            return inner;
        }
        if (token.Is("[")) return MakeCall("createArray", ParseArguments("]"));
        _pos--;
        if (token.Is("{")) throw new ExpressionSyntaxException("object literals ({...}) are not supported");
        throw Unexpected();
    }

    private Expr ParsePostfix(Expr expr)
    {
        while (true)
        {
            if (Current.Is("."))
            {
                _pos++;
                if (Current.Kind != TokenKind.Identifier) throw Unexpected();
                var member = new Accessor(Current.Text, expr);
                if ((expr.ReturnType & ReturnType.Object) == 0)
                    throw new TemplateException($"{member} must have an object as its second argument.");
                expr = member;
                _pos++;
            }
            else if (Current.Is("["))
            {
                _pos++;
                var index = ParseExpression(0);
                Expect("]");
                expr = new ElementAccess(expr, index);
            }
            else if (Current.Is("("))
            {
                var name = FunctionName(expr) ?? throw new ExpressionSyntaxException($"'{expr}' is not a function name");
                _pos++;
                expr = MakeCall(name, ParseArguments(")"));
            }
            else
            {
                return expr;
            }
        }
    }

    private static string? FunctionName(Expr expr) => expr switch
    {
        Accessor { Instance: null } a => a.Name,
        Accessor { Instance: not null } a when FunctionName(a.Instance) is { } prefix => prefix + "." + a.Name,
        _ => null,
    };

    /// <summary>Comma-separated arguments up to the closing token (already past the opening one).</summary>
    private List<Expr> ParseArguments(string close)
    {
        var args = new List<Expr>();
        if (Current.Is(close))
        {
            _pos++;
            return args;
        }
        while (true)
        {
            args.Add(ParseExpression(0));
            if (Current.Is(",")) { _pos++; continue; }
            Expect(close);
            return args;
        }
    }

    private static Call MakeCall(string name, List<Expr> args)
    {
        var call = new Call(TemplateFunctions.Lookup(name), args);
        call.Function.Validate(call);
        return call;
    }

    private void Expect(string op)
    {
        if (!Current.Is(op)) throw Unexpected();
        _pos++;
    }

    private ExpressionSyntaxException Unexpected() => Current.Kind == TokenKind.End
        ? new ExpressionSyntaxException("unexpected end of expression")
        : new ExpressionSyntaxException($"unexpected '{Current.Text}' at {Current.Position}");
}
